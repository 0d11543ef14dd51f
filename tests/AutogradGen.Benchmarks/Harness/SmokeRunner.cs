using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;

namespace AutogradGen.Benchmarks.Harness;

/// <summary>The outcome of one benchmark case in a smoke run.</summary>
/// <param name="Name">Type.Method(parameters), as BenchmarkDotNet would list it.</param>
/// <param name="Succeeded">The case ran without throwing and its results were finite.</param>
/// <param name="Detail">The result, or what went wrong.</param>
public sealed record SmokeCaseResult(string Name, bool Succeeded, string Detail);

/// <summary>Every case of a smoke run.</summary>
public sealed class SmokeReport(IReadOnlyList<SmokeCaseResult> cases)
{
    /// <summary>The cases in the order they ran.</summary>
    public IReadOnlyList<SmokeCaseResult> Cases { get; } = cases;

    /// <summary>At least one case ran and every case succeeded.</summary>
    public bool Succeeded => Cases.Count > 0 && Cases.All(c => c.Succeeded);
}

/// <summary>
/// Runs every benchmark case exactly once with plain calls (global set-up, the method, clean-up), without
/// BenchmarkDotNet's measurement, so CI can check in seconds that no benchmark throws or returns a non-finite
/// value. The cases are enumerated by BenchmarkDotNet itself, so [Params] and new [Benchmark] methods are covered.
/// </summary>
public static class SmokeRunner
{
    /// <summary>The benchmark classes of an assembly: public, non-abstract types with a [Benchmark] method.</summary>
    public static IReadOnlyList<Type> BenchmarkTypesIn(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false }
                && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Runs every case of <paramref name="benchmarkTypes"/> that matches one of the glob <paramref name="filters"/>
    /// (all cases when there are none), writing one line per case to <paramref name="log"/>.
    /// </summary>
    public static SmokeReport Run(IEnumerable<Type> benchmarkTypes, IReadOnlyList<string> filters, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(benchmarkTypes);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(log);
        var filter = filters.Count == 0 ? null : new GlobFilter(filters.ToArray());
        var results = new List<SmokeCaseResult>();
        foreach (Type type in benchmarkTypes)
        {
            foreach (BenchmarkCase benchmarkCase in BenchmarkConverter.TypeToBenchmarks(type).BenchmarksCases)
            {
                if (filter is not null && !filter.Predicate(benchmarkCase))
                {
                    continue;
                }

                SmokeCaseResult result = RunOnce(benchmarkCase);
                log.WriteLine($"{(result.Succeeded ? "ok  " : "FAIL")} {result.Name}: {result.Detail}");
                results.Add(result);
            }
        }

        var report = new SmokeReport(results);
        log.WriteLine(report.Cases.Count == 0
            ? "No benchmark case matched the filter."
            : $"{report.Cases.Count(c => c.Succeeded)} of {report.Cases.Count} benchmark cases ran once and gave finite results.");
        return report;
    }

    private static SmokeCaseResult RunOnce(BenchmarkCase benchmarkCase)
    {
        var descriptor = benchmarkCase.Descriptor;
        string name = NameOf(benchmarkCase);
        object? instance = null;
        try
        {
            instance = Activator.CreateInstance(descriptor.Type)!;
            var arguments = new List<object?>();
            foreach (var parameter in benchmarkCase.Parameters.Items)
            {
                if (parameter.IsArgument)
                {
                    arguments.Add(parameter.Value);
                }
                else
                {
                    SetParameter(instance, parameter.Name, parameter.Value);
                }
            }

            Invoke(descriptor.GlobalSetupMethod, instance);
            Invoke(descriptor.IterationSetupMethod, instance);
            object? value = descriptor.WorkloadMethod.Invoke(instance, arguments.ToArray());
            Invoke(descriptor.IterationCleanupMethod, instance);
            Invoke(descriptor.GlobalCleanupMethod, instance);
            return Check(name, value, instance as IGradientOutput);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return new SmokeCaseResult(name, false, $"threw {e.InnerException.GetType().Name}: {e.InnerException.Message}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or MissingMemberException)
        {
            return new SmokeCaseResult(name, false, $"could not be run: {e.Message}");
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }

    private static SmokeCaseResult Check(string name, object? value, IGradientOutput? gradientOutput)
    {
        double? number = value switch
        {
            double d => d,
            float f => f,
            _ => null,
        };
        if (number is { } n && !double.IsFinite(n))
        {
            return new SmokeCaseResult(name, false, $"returned a non-finite value, {n.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (gradientOutput is not null)
        {
            ReadOnlySpan<double> gradient = gradientOutput.LastGradient;
            for (int i = 0; i < gradient.Length; i++)
            {
                if (!double.IsFinite(gradient[i]))
                {
                    return new SmokeCaseResult(
                        name, false, $"left a non-finite gradient entry {i}: {gradient[i].ToString(CultureInfo.InvariantCulture)}.");
                }
            }
        }

        string shown = number is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : value?.ToString() ?? "(no value)";
        return new SmokeCaseResult(name, true, shown);
    }

    private static void Invoke(MethodInfo? method, object instance)
    {
        // BenchmarkDotNet fills absent set-up and clean-up methods with empty stand-ins of its own; call only the class's.
        if (method is not null && method.DeclaringType is not null && method.DeclaringType.IsAssignableFrom(instance.GetType()))
        {
            method.Invoke(method.IsStatic ? null : instance, null);
        }
    }

    private static void SetParameter(object instance, string name, object? value)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
        Type type = instance.GetType();
        if (type.GetProperty(name, Flags) is { } property)
        {
            property.SetValue(property.GetSetMethod()!.IsStatic ? null : instance, value);
        }
        else if (type.GetField(name, Flags) is { } field)
        {
            field.SetValue(field.IsStatic ? null : instance, value);
        }
        else
        {
            throw new MissingMemberException(type.FullName, name);
        }
    }

    private static string NameOf(BenchmarkCase benchmarkCase)
    {
        var descriptor = benchmarkCase.Descriptor;
        string parameters = string.Join(", ", benchmarkCase.Parameters.Items.Select(p => $"{p.Name}={p.Value}"));
        return $"{descriptor.Type.Name}.{descriptor.WorkloadMethod.Name}({parameters})";
    }
}
