namespace AutogradGen.GradBench.Protocol;

/// <summary>One entry of a response's <c>timings</c>: a name (<c>evaluate</c>, <c>prepare</c>) and whole nanoseconds.</summary>
internal readonly record struct Timing(string Name, long Nanoseconds);
