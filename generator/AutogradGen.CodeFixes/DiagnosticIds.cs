namespace AutogradGen.CodeFixes;

/// <summary>
/// The generator's diagnostic ids that have a fix. Repeated here as strings because the generator's descriptors are
/// internal to its assembly; the code-fix tests run the real generator, so a renumbered id fails them.
/// </summary>
internal static class DiagnosticIds
{
    public const string ContainingTypeNotPartial = "AGD0001";
    public const string MethodNotStatic = "AGD0002";
    public const string ParameterNotDifferentiable = "AGD0003";
    public const string CallNotDifferentiable = "AGD0007";
    public const string UnknownParameterName = "AGD0010";
    public const string UnsupportedMethod = "AGD0017";
    public const string ResultsSpanDifferentiated = "AGD0072";
    public const string SecondOrderCallee = "AGD0076";
    public const string NestedCalleeNotSecondOrder = "AGD0090";
    public const string NestedCallShape = "AGD0091";
    public const string NestedDepth = "AGD0093";
}
