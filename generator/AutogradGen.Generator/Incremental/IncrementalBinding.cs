using System;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Incremental;

/// <summary>
/// The pattern that keeps binding incremental: a cheap, equatable site per declaration or call, paired with the
/// <see cref="BindingFingerprint"/> and the current compilation into a <see cref="BindRequest{TSite}"/>, which
/// compares equal (and so stays cached, with everything after it) unless the site or the fingerprint changed.
/// </summary>
internal static class IncrementalBinding
{
    public static IncrementalValuesProvider<BindRequest<TSite>> BindRequests<TSite>(
        this IncrementalValuesProvider<TSite> sites,
        IncrementalValueProvider<BindingFingerprint> fingerprint,
        IncrementalValueProvider<Compilation> compilation)
        where TSite : class, ISiteLocation, IEquatable<TSite> =>
        sites.Combine(fingerprint)
            .Combine(compilation)
            .Select(static (input, _) => new BindRequest<TSite>(input.Left.Left, input.Left.Right, input.Right));
}
