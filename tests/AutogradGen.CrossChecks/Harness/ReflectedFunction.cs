using System.Reflection;

namespace AutogradGen.CrossChecks.Harness;

/// <summary>
/// Builds a <see cref="CorpusFunction"/> for a corpus method over scalars by finding its generated siblings
/// ({Name}Gradient, {Name}Derivative, {Name}Tape) by name. The tape twin's Tensor parameters say which parameters
/// are differentiated; the others take the values of the method's [With] attribute.
/// </summary>
public static class ReflectedFunction
{
    private const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    private const BindingFlags Members = Static | BindingFlags.Instance;

    public static CorpusFunction Create(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var type = method.DeclaringType!;
        var name = method.Name;
        var parameters = method.GetParameters();
        var gradient = Sibling(type, name + "Gradient", parameters);
        var derivative = Sibling(type, name + "Derivative", parameters);
        var tape = Sibling(type, name + "Tape", parameters);
        var differentiated = tape.GetParameters().Select(p => p.ParameterType == typeof(Tensor)).ToArray();
        var isFloat = method.ReturnType == typeof(float);
        var dtype = isFloat ? DType.Float32 : DType.Float64;
        var fixedValues = method.GetCustomAttribute<WithAttribute>()?.Arguments ?? [];
        var dimension = differentiated.Count(d => d);

        // An instance member is checked on its type's static Example.
        var receiver = method.IsStatic ? null : StaticValue(type, "Example");

        object?[] Arguments(double[] point)
        {
            var arguments = new object?[parameters.Length];
            int coordinate = 0, fixedIndex = 0;
            for (var i = 0; i < parameters.Length; i++)
            {
                arguments[i] = differentiated[i]
                    ? Number(point[coordinate++], isFloat)
                    : Fixed(fixedValues[fixedIndex++], parameters[i].ParameterType, type);
            }

            return arguments;
        }

        double Value(double[] point) => ToDouble(method.Invoke(receiver, Arguments(point))!);

        (double, double[]) Gradient(double[] point)
        {
            var arguments = Arguments(point).Concat(new object?[dimension]).ToArray();
            var value = ToDouble(gradient.Invoke(receiver, arguments)!);
            return (value, arguments.Skip(parameters.Length).Select(a => ToDouble(a!)).ToArray());
        }

        (double, double[]) Tape(double[] point)
        {
            var arguments = Arguments(point);
            var leaves = new List<Tensor>();
            for (var i = 0; i < arguments.Length; i++)
            {
                if (differentiated[i])
                {
                    var leaf = Tensor.Scalar(ToDouble(arguments[i]!), requiresGrad: true, dtype);
                    leaves.Add(leaf);
                    arguments[i] = leaf;
                }
            }

            var result = (Tensor)tape.Invoke(receiver, arguments)!;
            if (result.RequiresGrad)
            {
                result.Backward();
            }

            return (result.Item(), leaves.Select(l => l.Grad?.Item() ?? 0).ToArray());
        }

        (double, double) Directional(double[] point, double[] direction)
        {
            var arguments = Arguments(point).Concat(direction.Select(d => Number(d, isFloat))).ToArray();
            var pair = derivative.Invoke(receiver, arguments)!;
            if (isFloat)
            {
                var (floatValue, floatDerivative) = (ValueTuple<float, float>)pair;
                return (floatValue, floatDerivative);
            }

            var (value, derivativeValue) = (ValueTuple<double, double>)pair;
            return (value, derivativeValue);
        }

        var domain = method.GetCustomAttribute<DomainAttribute>() ?? new DomainAttribute(-2, 2);
        var exact = method.GetCustomAttributes<AlsoAtAttribute>().Select(a => a.Point.ToArray()).ToList();
        return new CorpusFunction(name, isFloat, dimension, Value, Gradient, Tape, Directional, (domain.Min, domain.Max), exact)
        {
            StopsDerivatives = method.GetCustomAttribute<StopsDerivativesAttribute>() is not null,
        };
    }

    /// <summary>
    /// A [With] value as the parameter's type: a number or a string as it is, an enum by value, a nullable by its
    /// value, and for any other type (arrays, lists, models) the name of a static member of the method's type.
    /// </summary>
    private static object? Fixed(object value, Type parameterType, Type declaringType)
    {
        if (value is string name && parameterType != typeof(string))
        {
            return StaticValue(declaringType, name);
        }

        var target = System.Nullable.GetUnderlyingType(parameterType) ?? parameterType;
        return target.IsEnum ? Enum.ToObject(target, value) : Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static object? StaticValue(Type type, string name) =>
        type.GetField(name, Static)?.GetValue(null) ?? type.GetProperty(name, Static)?.GetValue(null)
        ?? throw new InvalidOperationException($"{type.Name} has no static member '{name}' to take a value from.");

    /// <summary>
    /// The generated member called <paramref name="name"/>; of the overloads a generic method's instances get, the one
    /// whose leading parameters are the instance's (a generic method's tape twin is its double instance's, the only one).
    /// </summary>
    private static MethodInfo Sibling(Type type, string name, ParameterInfo[] parameters)
    {
        var candidates = type.GetMethods(Members).Where(m => m.Name == name).ToList();
        var chosen = candidates.Count == 1
            ? candidates[0]
            : candidates.SingleOrDefault(m => m.GetParameters().Length >= parameters.Length
                && m.GetParameters().Take(parameters.Length).Select(p => p.ParameterType).SequenceEqual(parameters.Select(p => p.ParameterType)));
        return chosen ?? throw new InvalidOperationException($"{type.Name}.{name} was not generated: check the generator's diagnostics for the corpus method.");
    }

    private static object Number(double value, bool isFloat) => isFloat ? (object)(float)value : value;

    private static double ToDouble(object value) => value is float f ? f : (double)value;
}
