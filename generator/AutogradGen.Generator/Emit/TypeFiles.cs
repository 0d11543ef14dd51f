using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// One method's generated members, as text already indented for its type (<see cref="SourceEmitter.EmitMembers"/>),
/// or the internal error that stopped them. Equatable, so that a method whose model did not change keeps this
/// object, and its type's file compares equal without being written again.
/// </summary>
/// <param name="HintName">The type's file (<see cref="Parsing.MethodParser.TypeHintName"/>): every method of the type shares it.</param>
/// <param name="Namespace">The containing namespace, or null.</param>
/// <param name="ContainingTypes">Outermost first: the partial type declarations the file reopens.</param>
/// <param name="Name">The original method's name, for the file's header comment.</param>
/// <param name="Order">Where the method is declared (file, line, column; then the generic instance): the members' order in the file.</param>
/// <param name="Members">The members' text, or null when <paramref name="Error"/> is set.</param>
/// <param name="Error">AGD0018, when the emitter threw (a bug); the method then has no members.</param>
/// <param name="IsStub">
/// The members of a refused method: same signatures, bodies that throw (see DIAGNOSTICS.md, "Callers of a refused method"); the file then
/// silences the unreachable-code warning their bodies would raise.
/// </param>
internal sealed record EmittedMembers(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Name,
    MemberOrder Order,
    string? Members,
    DiagnosticInfo? Error,
    bool IsStub = false);

/// <summary>Source order of a method's members in its type's file: by file path (ordinal), line, column, then instance.</summary>
internal sealed record MemberOrder(string FilePath, int Line, int Column, int Instance) : IComparable<MemberOrder>
{
    public static MemberOrder Of(MethodModel model) => new(
        model.NameLocation.FilePath,
        model.NameLocation.LineSpan.Start.Line,
        model.NameLocation.LineSpan.Start.Character,
        model.GenericInstance is { } kind ? (int)kind + 1 : 0);

    public int CompareTo(MemberOrder? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byFile = string.CompareOrdinal(FilePath, other.FilePath);
        if (byFile != 0)
        {
            return byFile;
        }

        return Line != other.Line ? Line.CompareTo(other.Line)
            : Column != other.Column ? Column.CompareTo(other.Column)
            : Instance.CompareTo(other.Instance);
    }
}

/// <summary>One generated file: every method of one type (its partial declarations in any number of files merged), in source order.</summary>
internal sealed record TypeFile(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    EquatableArray<EmittedMembers> Methods);

/// <summary>
/// The output stage: one file per type instead of one per method. Roslyn's driver pays per generated file on every
/// run (each hint name is checked against the files added before it, and every cached file is added again), so at
/// 1,000 methods in 100 types one file per type costs a tenth of that. The members are emitted per method, before
/// the grouping, so an edit in one body emits that method again and rewrites only its type's file; every other
/// type's file compares equal (its members are the same string objects) and stays cached.
/// </summary>
internal static class TypeFiles
{
    /// <summary>Tracking name of the grouped files, for incremental caching tests.</summary>
    public const string TrackingName = "TypeFiles";

    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<EmittedMembers> members)
    {
        var files = members
            .Where(static m => m.Members is not null)
            .Collect()
            .SelectMany(static (all, _) => Group(all))
            .WithTrackingName(TrackingName);
        context.RegisterSourceOutput(files, static (context, file) =>
            context.AddSource(file.HintName, SourceText.From(Write(file), System.Text.Encoding.UTF8)));

        // Last resort (an emitter bug): the method has no members, and AGD0018 says so.
        context.RegisterSourceOutput(members.Where(static m => m.Error is not null), static (context, failed) =>
            context.ReportDiagnostic(failed.Error!.ToDiagnostic(null)));
    }

    /// <summary>The files, ordered by hint name so that an edit that adds no type keeps every file at its index.</summary>
    internal static ImmutableArray<TypeFile> Group(ImmutableArray<EmittedMembers> all) =>
        all.GroupBy(m => m.HintName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var methods = g.OrderBy(m => m.Order).ToEquatableArray();
                return new TypeFile(g.Key, methods[0].Namespace, methods[0].ContainingTypes, methods);
            })
            .ToImmutableArray();

    /// <summary>The file: header, namespace, the reopened types, each method's members in source order.</summary>
    internal static string Write(TypeFile file)
    {
        var writer = new CodeWriter();
        var names = file.Methods.Select(m => m.Name).Distinct().ToList();
        writer.Line("// <auto-generated/>");
        writer.Line("// Derivatives of " + JoinNames(names) + ", generated by AutogradGen. Do not edit: change the original method" + (names.Count > 1 ? "s" : string.Empty) + " instead.");
        writer.Line("#nullable enable");
        writer.Line("#pragma warning disable CS1591 // The generated members document themselves through their original method.");
        writer.Line("#pragma warning disable CS0219 // A value the user computes but never reads is copied as written.");
        if (file.Methods.Any(m => m.IsStub))
        {
            writer.Line("#pragma warning disable CS0162 // A refused method's members throw before their (unreachable) code.");
        }

        writer.Line();
        if (file.Namespace is { } ns)
        {
            writer.Line("namespace " + ns + ";");
            writer.Line();
        }

        foreach (var type in file.ContainingTypes)
        {
            writer.Open(type.Declaration);
        }

        var text = writer.ToString();
        var body = new System.Text.StringBuilder(text);
        for (var i = 0; i < file.Methods.Count; i++)
        {
            if (i > 0)
            {
                body.Append('\n');
            }

            body.Append(file.Methods[i].Members);
        }

        var closing = new CodeWriter(file.ContainingTypes.Count);
        foreach (var _ in file.ContainingTypes)
        {
            closing.Close();
        }

        return body.Append(closing.ToString()).ToString();
    }

    private static string JoinNames(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
}
