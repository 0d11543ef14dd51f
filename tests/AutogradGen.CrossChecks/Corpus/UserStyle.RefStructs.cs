namespace AutogradGen.CrossChecks.Corpus;

/// <summary>A pendulum state as people write it: a mutable struct advanced in place.</summary>
public struct PendulumState
{
    public double Theta;
    public double Omega;
}

/// <summary>User-style corpus: time steppers that advance a struct by <c>ref</c>.</summary>
public static partial class UserRefStructs
{
    private const double G = 9.81;

    [Differentiable]
    private static void Rk4Step(ref PendulumState s, double length, double dt)
    {
        double k1t = s.Omega, k1o = -G / length * Math.Sin(s.Theta);
        double k2t = s.Omega + 0.5 * dt * k1o, k2o = -G / length * Math.Sin(s.Theta + 0.5 * dt * k1t);
        double k3t = s.Omega + 0.5 * dt * k2o, k3o = -G / length * Math.Sin(s.Theta + 0.5 * dt * k2t);
        double k4t = s.Omega + dt * k3o, k4o = -G / length * Math.Sin(s.Theta + dt * k3t);
        s.Theta += dt / 6 * (k1t + 2 * k2t + 2 * k3t + k4t);
        s.Omega += dt / 6 * (k1o + 2 * k2o + 2 * k3o + k4o);
    }

    /// <summary>The pendulum's angle after a second, from rest.</summary>
    [Differentiable, Domain(0.3, 1.5)]
    public static double PendulumAngle(double theta0, double length)
    {
        var state = new PendulumState { Theta = theta0, Omega = 0 };
        for (int i = 0; i < 25; i++)
        {
            Rk4Step(ref state, length, 0.04);
        }

        return state.Theta;
    }

    [Differentiable]
    private static void EulerStep(ref PendulumState s, double damping, double dt)
    {
        s.Omega -= dt * (damping * s.Omega + G * Math.Sin(s.Theta));
        s.Theta += dt * s.Omega;
    }

    /// <summary>The energy left after damped semi-implicit Euler steps, with an early stop once it is small.</summary>
    [Differentiable, Domain(0.2, 1.2)]
    public static double EnergyLeft(double theta0, double damping)
    {
        var s = new PendulumState { Theta = theta0, Omega = 0 };
        double energy = 0;
        for (int i = 0; i < 200; i++)
        {
            EulerStep(ref s, damping, 0.01);
            energy = 0.5 * s.Omega * s.Omega + G * (1 - Math.Cos(s.Theta));
            if (energy < 1e-3)
            {
                break;
            }
        }

        return energy;
    }
}
