using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// A parameter as generated signatures show it: a variable of the body, or a struct whose fields stand in the
/// body as scalar parameters (<see cref="StructParameter"/>). The emitters differentiate the scalars and only the
/// signatures, the unpacking at the top and the rebuilt gradient at the end speak of the struct.
/// </summary>
internal sealed record ParameterSlot(VariableModel? Plain, StructParameter? Struct)
{
    public string Name => Plain?.Name ?? Struct!.Name;

    public bool Differentiated => Plain?.Differentiated ?? Struct!.Differentiated;

    /// <summary>The slots of a method's parameters, in declaration order.</summary>
    public static List<ParameterSlot> Of(MethodModel model, IEnumerable<VariableModel> parameters)
    {
        var byFirstLeaf = model.StructParameters.ToDictionary(s => s.LeafVariables[0]);
        var leaves = new HashSet<string>(model.StructParameters.SelectMany(s => s.LeafVariables));
        var slots = new List<ParameterSlot>();
        foreach (var parameter in parameters)
        {
            if (byFirstLeaf.TryGetValue(parameter.Name, out var structParameter))
            {
                slots.Add(new ParameterSlot(null, structParameter));
            }
            else if (!leaves.Contains(parameter.Name))
            {
                slots.Add(new ParameterSlot(parameter, null));
            }
        }

        return slots;
    }

    /// <summary>The names of every struct leaf parameter of the method.</summary>
    public static HashSet<string> LeafNames(MethodModel model) => new(model.StructParameters.SelectMany(s => s.LeafVariables));

    /// <summary><c>double a_X = a.X;</c> for every leaf, at the top of a generated method.</summary>
    public static void Unpack(CodeWriter writer, MethodModel model)
    {
        foreach (var structParameter in model.StructParameters)
        {
            for (var i = 0; i < structParameter.LeafVariables.Count; i++)
            {
                var leaf = structParameter.Shape.Leaves[i];
                writer.Line(leaf.Kind.Keyword() + " " + structParameter.LeafVariables[i] + " = " + structParameter.Name + "." + leaf.Access + ";");
            }
        }
    }
}
