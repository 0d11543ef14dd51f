using System.Runtime.CompilerServices;

// The tooling tests (tests/AutogradGen.Generator.Tooling.Tests) exercise SourceDiagnosticFactory directly.
[assembly: InternalsVisibleTo("AutogradGen.Generator.Tooling.Tests")]
