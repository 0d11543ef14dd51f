namespace AutogradGen.CodeFixes;

/// <summary>
/// The generator's diagnostic ids that have a fix. Repeated here as strings because the generator's descriptors are
/// internal to its assembly; the code-fix tests run the real generator, so a renumbered id fails them.
/// </summary>
internal static class DiagnosticIds
{
    public const string ContainingTypeNotPartial = "AGD0001";
    public const string MethodNotStatic = "AGD0002";
    public const string CallNotDifferentiable = "AGD0007";
}
