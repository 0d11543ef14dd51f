using System.Collections.Generic;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Analysis;

/// <summary>
/// A method body with one exit: no return, break or continue statements; the value is in <see cref="Result"/>.
/// Both modes differentiate this form.
/// </summary>
internal sealed class LoweredMethod
{
    public LoweredMethod(IReadOnlyList<VariableModel> variables, IReadOnlyList<Stmt> body, string result)
    {
        Variables = variables;
        Body = body;
        Result = result;
    }

    public IReadOnlyList<VariableModel> Variables { get; }

    public IReadOnlyList<Stmt> Body { get; }

    public string Result { get; }

    /// <summary>
    /// A by-reference helper's ref and out parameters: results besides <see cref="Result"/> (which a void helper
    /// never assigns), so activity starts from them too.
    /// </summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];
}
