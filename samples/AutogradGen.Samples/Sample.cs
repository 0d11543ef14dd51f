namespace AutogradGen.Samples;

/// <summary>A runnable sample: a short name to select it from the command line, a title, and the code, which prints to a writer.</summary>
/// <param name="Name">The name given on the command line, such as <c>seed000</c>.</param>
/// <param name="Title">What the sample shows, printed as its header.</param>
/// <param name="Run">The sample itself; it writes everything it prints to the writer (so tests can capture it).</param>
internal sealed record Sample(string Name, string Title, Action<TextWriter> Run);
