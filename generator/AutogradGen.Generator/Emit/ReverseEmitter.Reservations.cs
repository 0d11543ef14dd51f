using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Reserved records: a loop whose trip count is known when it starts (a counted loop to an invariant bound) and
/// whose iterations each record a number of values known then too (recorded assignments, branch decisions with
/// the same records on both sides, nested loops of invariant trip counts) reserves all its records of a type at
/// once (<c>RecordStack.Reserve</c>) and writes them through a local span and cursor: no growth check and no call
/// inside the loop. Its reverse takes the same slots back (<c>Release</c>) and reads them backwards. A loop
/// inside a reserving loop writes into the outer reservation; a loop whose records are not known in advance
/// pushes one at a time as before, and a loop inside it may still reserve for itself.
/// </summary>
internal sealed partial class ReverseEmitter
{
    private readonly Dictionary<NumberKind, (string Slots, string Cursor)> _reservations = new();
    private readonly Dictionary<Stmt, Dictionary<NumberKind, RecordCount>> _perIteration = new(ReferenceComparer.Instance);

    /// <summary>A record count: a constant plus products of trip counts, printed as C#.</summary>
    private sealed class RecordCount
    {
        public RecordCount(int constant, IEnumerable<string> terms)
        {
            Constant = constant;
            Terms = terms.ToList();
        }

        public int Constant { get; }

        public List<string> Terms { get; }

        public bool IsZero => Constant == 0 && Terms.Count == 0;

        public static RecordCount operator +(RecordCount a, RecordCount b) => new(a.Constant + b.Constant, a.Terms.Concat(b.Terms));

        /// <summary><paramref name="trips"/> (a C# expression, at least 0) times this count.</summary>
        public RecordCount Times(string trips)
        {
            if (IsZero)
            {
                return this;
            }

            return new RecordCount(0, new[] { Terms.Count == 0 && Constant == 1 ? trips : Factor(trips) + " * " + (Terms.Count == 0 ? Text() : Factor(Text())) });
        }

        public string Text() => Terms.Count == 0 ? Constant.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Join(" + ", Constant == 0 ? Terms : Terms.Append(Constant.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Records one value: into the enclosing reservation if there is one, else onto the stack.</summary>
    private void PushLine(NumberKind kind, string value)
    {
        var storage = RecordedKind(kind);
        Writer.Line(_reservations.TryGetValue(storage, out var reserved)
            ? reserved.Slots + "[" + reserved.Cursor + "++] = " + value + ";"
            : Stack(storage) + ".Push(" + value + ");");
    }

    /// <summary>The expression that replays the value recorded last (of its type).</summary>
    private string PopText(NumberKind kind)
    {
        var storage = RecordedKind(kind);
        return _reservations.TryGetValue(storage, out var reserved)
            ? reserved.Slots + "[--" + reserved.Cursor + "]"
            : Stack(storage) + ".Pop()";
    }

    private static NumberKind RecordedKind(NumberKind kind) => kind == NumberKind.Bool ? NumberKind.Int : kind;

    /// <summary>Before the forward loop: reserves every type whose records are known in advance; returns the types reserved.</summary>
    private List<NumberKind> ReserveBefore(LoopStmt loop)
    {
        var reserved = new List<NumberKind>();
        if (EntryTripCount(loop) is not { } trips)
        {
            return reserved;
        }

        foreach (var pair in PerIteration(loop).Where(p => !_reservations.ContainsKey(p.Key)).OrderBy(p => p.Key))
        {
            var slots = Names.Fresh("reserved" + StackSuffix(pair.Key));
            var cursor = Names.Fresh(slots + "Count");
            Writer.Line("global::System.Span<" + pair.Key.Keyword() + "> " + slots + " = " + Stack(pair.Key) + ".Reserve(" + pair.Value.Times(trips).Text() + ");");
            Writer.Line("int " + cursor + " = 0;");
            _reservations[pair.Key] = (slots, cursor);
            reserved.Add(pair.Key);
        }

        return reserved;
    }

    /// <summary>Before the reverse loop: takes back the slots <see cref="ReserveBefore"/> reserved; returns the types.</summary>
    private List<NumberKind> ReleaseBefore(LoopStmt loop, string tripCount)
    {
        var released = new List<NumberKind>();
        if (EntryTripCount(loop) is null)
        {
            return released;
        }

        foreach (var pair in PerIteration(loop).Where(p => !_reservations.ContainsKey(p.Key)).OrderBy(p => p.Key))
        {
            var slots = Names.Fresh("reserved" + StackSuffix(pair.Key));
            var cursor = Names.Fresh(slots + "Count");
            var total = pair.Value.Times(tripCount).Text();
            Writer.Line("global::System.ReadOnlySpan<" + pair.Key.Keyword() + "> " + slots + " = " + Stack(pair.Key) + ".Release(" + total + ");");
            Writer.Line("int " + cursor + " = " + slots + ".Length;");
            _reservations[pair.Key] = (slots, cursor);
            released.Add(pair.Key);
        }

        return released;
    }

    private void EndReservations(List<NumberKind> kinds)
    {
        foreach (var kind in kinds)
        {
            _reservations.Remove(kind);
        }
    }

    /// <summary>An expression as the left operand of <c>*</c>: parenthesized unless it is one primary expression.</summary>
    private static string Factor(string expression)
    {
        if (IsSimple(expression))
        {
            return expression;
        }

        // One parenthesized group or one call (Math.Max(…)): the bracket opened first closes last.
        var open = expression.IndexOf('(');
        if (open >= 0 && expression.EndsWith(")", System.StringComparison.Ordinal) && IsSimple(expression.Substring(0, open).Replace("global::", string.Empty)))
        {
            var depth = 0;
            for (var i = open; i < expression.Length; i++)
            {
                depth += expression[i] == '(' ? 1 : expression[i] == ')' ? -1 : 0;
                if (depth == 0)
                {
                    return i == expression.Length - 1 ? expression : "(" + expression + ")";
                }
            }
        }

        return "(" + expression + ")";
    }

    private static string StackSuffix(NumberKind kind) => kind switch { NumberKind.Double => "Doubles", NumberKind.Float => "Floats", _ => "Ints" };

    /// <summary>
    /// What a loop inside a loop records of one type: its iterations' records times a trip count known in advance;
    /// or, for a loop whose trip count is recorded (after it, with its start unless that is a literal), those one
    /// or two ints when its iterations record nothing of the type.
    /// </summary>
    private RecordCount? NestedLoopCount(LoopStmt nested, NumberKind kind)
    {
        if (!HasWork(nested))
        {
            return new RecordCount(0, Enumerable.Empty<string>());
        }

        var body = Count(nested.Body.Concat(nested.Step), kind);
        if (body is null)
        {
            return null;
        }

        if (RecomputedTripCount(nested) is { } trips)
        {
            return body.Times(IsNeverNegative(trips) ? trips : "global::System.Math.Max(0, " + trips + ")");
        }

        var tripCountRecords = kind != NumberKind.Int ? 0 : nested.CountedIndex is not null && nested.ConstantStart is null ? 2 : 1;
        return body.IsZero ? new RecordCount(tripCountRecords, Enumerable.Empty<string>()) : null;
    }

    /// <summary>A literal or a length: a trip count that needs no clamping at 0 (a count below 0 runs no iteration).</summary>
    private static bool IsNeverNegative(string trips) =>
        trips.All(char.IsDigit) || (trips.EndsWith(".Length", System.StringComparison.Ordinal) && IsSimple(trips));

    private static bool IsSimple(string text) => text.All(c => char.IsLetterOrDigit(c) || c is '_' or '.');

    /// <summary>
    /// The loop's trip count as an expression valid just before it runs (its index already initialised), or null:
    /// a counted loop (unit step, no break: its condition is exactly the comparison) to an invariant bound.
    /// </summary>
    private string? EntryTripCount(LoopStmt loop)
    {
        if (loop.TestAfterBody)
        {
            return null;
        }

        if (RecomputedTripCount(loop) is { } recomputed)
        {
            return recomputed;
        }

        if (loop.CountedIndex is not { } index || loop.Condition is not BinaryExpr { Left: VariableExpr left } test || left.Name != index
            || !(_invariants ??= new InvariantValues(Method)).IsInvariant(test.Right))
        {
            return null;
        }

        var bound = test.Right is VariableExpr or LengthExpr or LiteralExpr ? ExprPrinter.Print(test.Right) : "(" + ExprPrinter.Print(test.Right) + ")";
        return (loop.CountedDirection, test.Operator) switch
        {
            ( > 0, BinaryOperator.Less) => bound + " - " + index,
            ( > 0, BinaryOperator.LessOrEqual) => "(" + bound + " - " + index + " + 1)",
            ( < 0, BinaryOperator.Greater) => index + " - " + bound,
            ( < 0, BinaryOperator.GreaterOrEqual) => "(" + index + " - " + bound + " + 1)",
            _ => null,
        };
    }

    /// <summary>Per type, the values one iteration of the loop records, when that is the same number every time.</summary>
    private Dictionary<NumberKind, RecordCount> PerIteration(LoopStmt loop)
    {
        if (!_perIteration.TryGetValue(loop, out var counts))
        {
            counts = new Dictionary<NumberKind, RecordCount>();
            foreach (var kind in new[] { NumberKind.Double, NumberKind.Float, NumberKind.Int })
            {
                if (Count(loop.Body.Concat(loop.Step), kind) is { IsZero: false } count)
                {
                    counts[kind] = count;
                }
            }

            _perIteration[loop] = counts;
        }

        return counts;
    }

    /// <summary>What these statements (inside a loop) record of one type, or null when it varies or is not known in advance.</summary>
    private RecordCount? Count(IEnumerable<Stmt> statements, NumberKind kind)
    {
        var total = new RecordCount(0, Enumerable.Empty<string>());
        foreach (var statement in statements)
        {
            RecordCount? count;
            switch (statement)
            {
                case AssignStmt assignment:
                    count = new RecordCount(Records(assignment) && RecordedKind(Variables[assignment.Variable].Kind) == kind ? 1 : 0, Enumerable.Empty<string>());
                    break;
                case IfStmt branch:
                    var decision = new RecordCount(HasWork(branch) && kind == NumberKind.Int ? 1 : 0, Enumerable.Empty<string>());
                    var then = Count(branch.Then, kind);
                    var otherwise = Count(branch.Else, kind);
                    count = then is not null && otherwise is not null && then.Text() == otherwise.Text() ? decision + then : null;
                    break;
                case LoopStmt nested:
                    count = NestedLoopCount(nested, kind);
                    break;
                default:
                    count = new RecordCount(0, Enumerable.Empty<string>());
                    break;
            }

            if (count is null)
            {
                return null;
            }

            total += count;
        }

        return total;
    }
}
