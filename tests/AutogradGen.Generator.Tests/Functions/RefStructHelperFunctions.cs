namespace AutogradGen.Generator.Tests.Functions;

/// <summary>A pendulum's state as a mutable struct of two doubles, advanced in place by a helper.</summary>
public struct SwingState
{
    public double Theta;
    public double Omega;
}

/// <summary>
/// Helpers that advance a struct by <c>ref</c> (an RK4 step of a pendulum, a swap of two states): the helper's
/// parameter is the caller's struct. Checked by <c>RefStructHelperTests</c> against central differences, forward
/// mode and the tape twin.
/// </summary>
public static partial class RefStructHelperFunctions
{
    private const double G = 9.81;

    [Differentiable]
    private static void Rk4Step(ref SwingState s, double length, double dt)
    {
        double k1t = s.Omega, k1o = -G / length * Math.Sin(s.Theta);
        double k2t = s.Omega + 0.5 * dt * k1o, k2o = -G / length * Math.Sin(s.Theta + 0.5 * dt * k1t);
        double k3t = s.Omega + 0.5 * dt * k2o, k3o = -G / length * Math.Sin(s.Theta + 0.5 * dt * k2t);
        double k4t = s.Omega + dt * k3o, k4o = -G / length * Math.Sin(s.Theta + dt * k3t);
        s.Theta += dt / 6 * (k1t + 2 * k2t + 2 * k3t + k4t);
        s.Omega += dt / 6 * (k1o + 2 * k2o + 2 * k3o + k4o);
    }

    [Differentiable]
    private static void Swap(ref SwingState a, ref SwingState b)
    {
        var t = a;
        a = b;
        b = t;
    }

    /// <summary>The angle after integrating from rest for <paramref name="duration"/> seconds.</summary>
    [Differentiable]
    public static double AngleAfter(double theta0, double length, double duration)
    {
        var state = new SwingState { Theta = theta0, Omega = 0 };
        const int Steps = 40;
        double dt = duration / Steps;
        for (int i = 0; i < Steps; i++)
        {
            Rk4Step(ref state, length, dt);
        }

        return state.Theta;
    }

    /// <summary>Two pendulums stepped, swapped, stepped again: whole-struct assignments through ref parameters.</summary>
    [Differentiable]
    public static double SwappedEnergy(double theta0, double theta1, double length)
    {
        var first = new SwingState { Theta = theta0, Omega = 0 };
        var second = new SwingState { Theta = theta1, Omega = 0.5 };
        Rk4Step(ref first, length, 0.05);
        Swap(ref first, ref second);
        Rk4Step(ref first, length, 0.05);
        return first.Omega * first.Omega + 2 * G / length * (1 - Math.Cos(first.Theta)) + second.Theta * second.Omega;
    }
}
