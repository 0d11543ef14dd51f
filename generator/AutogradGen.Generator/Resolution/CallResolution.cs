using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Resolution;

/// <summary>
/// The only whole-compilation step of resolving calls, over keys only: which user derivatives exist, and which
/// methods lose their code because a [Differentiable] callee has none (to a fixed point). Each method then applies
/// it on its own (<see cref="MethodResolver"/>, <see cref="TensorResolver"/>), so a method whose inputs did not
/// change gets an equal result and its output stays cached.
/// </summary>
internal sealed class CallResolution : IEquatable<CallResolution>
{
    private Dictionary<string, UserDerivativeModel>? _available;

    private CallResolution(EquatableArray<UserDerivativeModel> derivatives, EquatableArray<LostMethod> lost)
    {
        Derivatives = derivatives;
        Lost = lost;
    }

    /// <summary>The valid user derivatives, the first per key.</summary>
    public EquatableArray<UserDerivativeModel> Derivatives { get; }

    /// <summary>The methods that lost their code to a callee without code, in the order they were found.</summary>
    public EquatableArray<LostMethod> Lost { get; }

    /// <summary>The user derivative of <paramref name="key"/>, if there is one.</summary>
    public UserDerivativeModel? Derivative(string key)
    {
        _available ??= Derivatives.ToDictionary(d => d.Key);
        return _available.TryGetValue(key, out var derivative) ? derivative : null;
    }

    /// <summary>
    /// A method with a model keeps it only when every call that needs a user derivative finds one; then, to a fixed
    /// point, a method loses its code when a callee declared here has none.
    /// </summary>
    public static CallResolution Solve(ImmutableArray<CallGraphNode> nodes, IEnumerable<UserDerivativeModel> derivatives)
    {
        var available = derivatives.GroupBy(d => d.Key).Select(g => g.First()).ToList();
        var availableKeys = new HashSet<string>(available.Select(d => d.Key));
        var declared = new HashSet<string>(nodes.Select(n => n.Key));
        var hasCode = nodes.Select(n => n.HasModel && n.Calls.All(c => c.NeedsGeneratedCode || availableKeys.Contains(c.Callee))).ToArray();
        var lost = new List<LostMethod>();
        // Callees whose root cause is reported on a declaration elsewhere: losing code to them is silent, transitively.
        var quiet = new HashSet<string>(nodes.Where(n => n.RefusedAtDeclaration).Select(n => n.Key));
        for (var changed = true; changed;)
        {
            changed = false;
            var generated = new HashSet<string>(nodes.Where((_, i) => hasCode[i]).Select(n => n.Key));
            for (var i = 0; i < nodes.Length; i++)
            {
                var missing = hasCode[i]
                    ? nodes[i].Calls.Where(c => c.NeedsGeneratedCode && declared.Contains(c.Callee) && !generated.Contains(c.Callee)).Select(c => c.Callee).Distinct().ToList()
                    : null;
                if (missing is { Count: > 0 })
                {
                    var quietCallees = missing.Where(quiet.Contains).ToList();
                    lost.Add(new LostMethod(nodes[i].Key, missing.ToEquatableArray(), quietCallees.ToEquatableArray()));
                    if (quietCallees.Count == missing.Count)
                    {
                        quiet.Add(nodes[i].Key);
                    }

                    hasCode[i] = false;
                    changed = true;
                }
            }
        }

        return new CallResolution(available.ToEquatableArray(), lost.ToEquatableArray());
    }

    /// <summary>
    /// The callees for want of which the method <paramref name="key"/> with these <paramref name="calls"/> lost its
    /// code, or null when it keeps it. (Two methods can share a key only in code that does not compile; a method is
    /// lost when its own calls include a missing callee recorded for its key.)
    /// </summary>
    public HashSet<string>? MissingCallees(string key, IEnumerable<string> calls)
    {
        HashSet<string>? missing = null;
        foreach (var method in Lost)
        {
            if (method.Key == key)
            {
                (missing ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(method.MissingCallees);
            }
        }

        return missing is not null && calls.Any(missing.Contains) ? missing : null;
    }

    /// <summary>The callees of <paramref name="key"/> whose loss is reported elsewhere (no AGD0019 on calls to them).</summary>
    public HashSet<string> QuietCallees(string key) =>
        new(Lost.Where(m => m.Key == key).SelectMany(m => m.QuietCallees), StringComparer.Ordinal);

    public bool Equals(CallResolution? other) =>
        ReferenceEquals(this, other) || other is not null && Derivatives.Equals(other.Derivatives) && Lost.Equals(other.Lost);

    public override bool Equals(object? obj) => Equals(obj as CallResolution);

    public override int GetHashCode() => unchecked((Derivatives.GetHashCode() * 31) + Lost.GetHashCode());
}
