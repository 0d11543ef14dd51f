using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>An accumulator of a fused loop and its adjoint at the loop's exit, as an expression of the seed.</summary>
internal sealed record FusedAccumulator(string Variable, Expr Coefficient);

/// <summary>
/// One-pass loops: top-level loops whose reverse can run inside the forward sweep, each iteration's reverse right
/// after its forward, because the only adjoint flowing into the loop from later code is that of accumulators
/// (<c>s += e</c>), and it is the seed times a coefficient known before the loop. Extended Rosenbrock's
/// <c>sum += …; return sum;</c> and the GMM's <c>sumOfLogSumExps += LogSumExp(mainTerms)</c> are such loops.
/// <para>
/// A loop L qualifies only when all of these hold (otherwise it runs forward, then backward, as before):
/// it is directly in the method body, tested before its body; the values one iteration hands to the next are its
/// counted index, int updates in its step, and accumulators: active scalar locals of the result's type assigned
/// in L only by increments whose added term does not read them, read nowhere else in L, and never restored; its
/// step holds only inactive assignments that read nothing the body assigns (the body's reverse, which restores
/// values, runs before the step); after L, an accumulator is read only by the method's last statement, the one
/// assignment of the result, linearly with a coefficient whose operands L and later code do not assign; nothing
/// L reads from before is assigned after it, and nothing L assigns is read after it before being assigned again
/// (the accumulators excepted); and the reverse of the code before L reads nothing L assigns (other than loop
/// indices, which every reverse loop sets itself), since L's iterations do not leave it as it was.
/// </para>
/// </summary>
internal static class FusedLoops
{
    /// <summary>The qualifying loops, each with its accumulators.</summary>
    public static Dictionary<Stmt, IReadOnlyList<FusedAccumulator>> Find(
        LoweredMethod method,
        Activity activity,
        NumberKind resultKind,
        System.Func<AssignStmt, bool> restores,
        System.Func<Stmt, HashSet<string>> reverseReads,
        HashSet<Stmt> unsavedWrites)
    {
        var found = new Dictionary<Stmt, IReadOnlyList<FusedAccumulator>>(ReverseEmitter.ReferenceComparer.Instance);
        var body = method.Body;
        if (body.Count == 0 || body[body.Count - 1] is not AssignStmt { Index: null } last || last.Variable != method.Result
            || !activity.IsActive(method.Result)
            || StmtWalker.Descendants(body).OfType<AssignStmt>().Count(a => a.Variable == method.Result) != 1)
        {
            return found;
        }

        var variables = method.Variables.ToDictionary(v => v.Name);
        var rewrites = new FullRewrites(method, new InvariantValues(method));
        var countedIndices = new HashSet<string>(StmtWalker.Descendants(body).OfType<LoopStmt>().Select(l => l.CountedIndex).OfType<string>());
        for (var position = 0; position < body.Count - 1; position++)
        {
            if (body[position] is not LoopStmt { TestAfterBody: false, Condition: not null } loop)
            {
                continue;
            }

            var candidate = new Candidate(loop, body.Take(position).ToList(), body.Skip(position + 1).ToList(), last, rewrites);
            var accumulators = candidate.Accumulators(variables, activity, resultKind, restores);
            if (accumulators is not null && candidate.IsolatedFromCodeAround(rewrites, accumulators, countedIndices, reverseReads))
            {
                found[loop] = accumulators;
                unsavedWrites.UnionWith(candidate.FirstWritesNoReverseReadsBack(rewrites, reverseReads));
            }
        }

        return found;
    }

    private sealed class Candidate
    {
        private readonly LoopStmt _loop;
        private readonly List<Stmt> _before;
        private readonly List<Stmt> _after;
        private readonly AssignStmt _result;
        private readonly HashSet<string> _assignedInLoop;
        private readonly HashSet<string> _assignedAfter;
        private readonly HashSet<string> _assignedInBody;

        /// <summary>What an iteration reads before assigning it: values from before the loop or from the previous iteration.</summary>
        private readonly HashSet<string> _readFromBefore = new();

        public Candidate(LoopStmt loop, List<Stmt> before, List<Stmt> after, AssignStmt result, FullRewrites rewrites)
        {
            _loop = loop;
            _before = before;
            _after = after;
            _result = result;
            _assignedInLoop = Assigned(loop.Body.Concat(loop.Step));
            _assignedInBody = Assigned(loop.Body);
            _assignedAfter = Assigned(after);
            ExprWalker.Variables(loop.Condition!, _readFromBefore);
            Exposed(loop.Body.Concat(loop.Step), new HashSet<string>(), _readFromBefore, rewrites);
        }

        private IEnumerable<Stmt> LoopStatements => StmtWalker.Descendants(_loop.Body.Concat(_loop.Step));

        /// <summary>The loop's accumulators with their exit adjoints, or null when the loop carries anything else.</summary>
        public List<FusedAccumulator>? Accumulators(
            Dictionary<string, VariableModel> variables, Activity activity, NumberKind resultKind, System.Func<AssignStmt, bool> restores)
        {
            if (!_loop.Step.All(s => s is AssignStmt { Index: null } step && !activity.IsActive(step.Variable))
                || _loop.Step.Cast<AssignStmt>().Any(step => ExprWalker.Variables(step.Value).Overlaps(_assignedInBody)))
            {
                return null;
            }

            var carried = new HashSet<string>(_readFromBefore);
            carried.IntersectWith(_assignedInLoop);
            var accumulators = new List<FusedAccumulator>();
            foreach (var name in carried.OrderBy(n => n, System.StringComparer.Ordinal))
            {
                if (name == _loop.CountedIndex || IsStepInt(variables[name], activity))
                {
                    continue;
                }

                if (!IsAccumulator(variables[name], activity, resultKind, restores) || Coefficient(_result.Value, name) is not { } coefficient)
                {
                    return null;
                }

                accumulators.Add(new FusedAccumulator(name, coefficient));
            }

            return accumulators.Count > 0 ? accumulators : null;
        }

        /// <summary>An int assigned in the loop only by its step, which carries no derivative.</summary>
        private bool IsStepInt(VariableModel variable, Activity activity) =>
            variable.Kind == NumberKind.Int && !activity.IsActive(variable.Name)
            && !_assignedInBody.Contains(variable.Name);

        private bool IsAccumulator(VariableModel variable, Activity activity, NumberKind resultKind, System.Func<AssignStmt, bool> restores)
        {
            var name = variable.Name;
            if (variable.IsParameter || variable.Storage != StorageKind.Scalar || variable.Kind != resultKind || !activity.IsActive(name)
                || _assignedAfter.Contains(name) || ExprWalker.Variables(_loop.Condition!).Contains(name))
            {
                return false;
            }

            foreach (var statement in LoopStatements)
            {
                var reads = new HashSet<string>();
                switch (statement)
                {
                    case AssignStmt assignment when assignment.Variable == name:
                        if (assignment.Index is not null || ReverseEmitter.Increment(assignment) is not { } increment || restores(assignment))
                        {
                            return false;
                        }

                        ExprWalker.Variables(increment.Added, reads);
                        break;
                    default:
                        reads = DirectReads(statement);
                        break;
                }

                if (reads.Contains(name))
                {
                    return false;
                }
            }

            // After the loop, only the result's assignment reads it.
            return !_after.Where(s => !ReferenceEquals(s, _result)).SelectMany(s => StmtWalker.Descendants(new[] { s })).Any(s => DirectReads(s).Contains(name));
        }

        /// <summary>
        /// Assignments whose overwritten value this iteration's reverse never reads, so they need not save it: the
        /// one plain assignment of a scalar the iteration does not read before assigning, directly in the body; the
        /// one plain element assignment of an array the iteration does not read before rewriting it whole, in a
        /// rewriting loop directly in the body whose reverse reads no element of it. In two sweeps the next
        /// iteration's reverse needed those values; here it has run already, and nothing after the loop reads them.
        /// </summary>
        public IEnumerable<Stmt> FirstWritesNoReverseReadsBack(FullRewrites rewrites, System.Func<Stmt, HashSet<string>> reverseReads)
        {
            var onlyPlainWrite = LoopStatements.OfType<AssignStmt>().Where(a => ReverseEmitter.Increment(a) is null)
                .GroupBy(a => a.Variable).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First());
            foreach (var statement in _loop.Body)
            {
                if (statement is AssignStmt { Index: null } plain && !_readFromBefore.Contains(plain.Variable)
                    && onlyPlainWrite.TryGetValue(plain.Variable, out var only) && ReferenceEquals(only, plain))
                {
                    yield return plain;
                }

                if (statement is LoopStmt rewriting)
                {
                    foreach (var array in rewrites.ArraysRewrittenBy(rewriting))
                    {
                        if (!_readFromBefore.Contains(array) && onlyPlainWrite.TryGetValue(array, out var write)
                            && rewriting.Body.Any(s => ReferenceEquals(s, write)) && !reverseReads(rewriting).Contains(array))
                        {
                            yield return write;
                        }
                    }
                }
            }
        }

        /// <summary>
        /// Whether the loop can run before the code after it is reversed and after the code before it is: nothing
        /// the loop reads from before it is assigned later, nothing it assigns is read later before being assigned
        /// again (the accumulators excepted), coefficients are fixed before it, and the reverse of the code before
        /// it reads nothing it assigns.
        /// </summary>
        public bool IsolatedFromCodeAround(FullRewrites rewrites, List<FusedAccumulator> accumulators, HashSet<string> countedIndices, System.Func<Stmt, HashSet<string>> reverseReads)
        {
            if (_readFromBefore.Overlaps(_assignedAfter))
            {
                return false;
            }

            var readAfter = new HashSet<string>();
            Exposed(_after, new HashSet<string>(), readAfter, rewrites);
            readAfter.IntersectWith(_assignedInLoop);
            readAfter.ExceptWith(accumulators.Select(a => a.Variable));
            if (readAfter.Count > 0
                || accumulators.Any(a => ExprWalker.Variables(a.Coefficient).Overlaps(_assignedInLoop) || ExprWalker.Variables(a.Coefficient).Overlaps(_assignedAfter)))
            {
                return false;
            }

            var changedByLoop = new HashSet<string>(_assignedInLoop);
            changedByLoop.ExceptWith(countedIndices);
            return !_before.Any(statement => reverseReads(statement).Overlaps(changedByLoop));
        }
    }

    /// <summary>
    /// The exit adjoint's factor: the coefficient of <paramref name="accumulator"/> in <paramref name="value"/> when
    /// value is linear in it (sums, differences, negation, products and quotients by terms free of it), built from
    /// literals, scalar variables, conversions and Math functions; null otherwise, or when value does not read it.
    /// </summary>
    private static Expr? Coefficient(Expr value, string accumulator)
    {
        var (linear, coefficient) = Linear(value, accumulator);
        return linear ? coefficient : null;
    }

    /// <summary>(false, _) when not linear with a simple coefficient; (true, null) when the expression does not read the accumulator.</summary>
    private static (bool Linear, Expr? Coefficient) Linear(Expr expr, string accumulator)
    {
        if (!ExprWalker.Variables(expr).Contains(accumulator))
        {
            return (true, null);
        }

        switch (expr)
        {
            case VariableExpr:
                return (true, new LiteralExpr(expr.Kind, Parsing.Literals.One(expr.Kind)));
            case UnaryExpr { Operator: UnaryOperator.Negate } negation:
                return Map(Linear(negation.Operand, accumulator), c => new UnaryExpr(c.Kind, UnaryOperator.Negate, c));
            case UnaryExpr { Operator: UnaryOperator.Plus } plus:
                return Linear(plus.Operand, accumulator);
            case BinaryExpr { Operator: BinaryOperator.Add or BinaryOperator.Subtract } sum:
                var left = Linear(sum.Left, accumulator);
                var right = Linear(sum.Right, accumulator);
                if (!left.Linear || !right.Linear)
                {
                    return (false, null);
                }

                if (left.Coefficient is null)
                {
                    return sum.Operator == BinaryOperator.Add ? right : Map(right, c => new UnaryExpr(c.Kind, UnaryOperator.Negate, c));
                }

                return right.Coefficient is null ? left : (true, new BinaryExpr(sum.Kind, sum.Operator, left.Coefficient, right.Coefficient));
            case BinaryExpr { Operator: BinaryOperator.Multiply } product when IsSimpleFactor(product.Left, accumulator):
                return Map(Linear(product.Right, accumulator), c => IsOne(c) ? product.Left : new BinaryExpr(product.Kind, BinaryOperator.Multiply, product.Left, c));
            case BinaryExpr { Operator: BinaryOperator.Multiply } product when IsSimpleFactor(product.Right, accumulator):
                return Map(Linear(product.Left, accumulator), c => IsOne(c) ? product.Right : new BinaryExpr(product.Kind, BinaryOperator.Multiply, c, product.Right));
            case BinaryExpr { Operator: BinaryOperator.Divide } quotient when IsSimpleFactor(quotient.Right, accumulator):
                return Map(Linear(quotient.Left, accumulator), c => new BinaryExpr(quotient.Kind, BinaryOperator.Divide, c, quotient.Right));
            default:
                return (false, null);
        }
    }

    private static (bool Linear, Expr? Coefficient) Map((bool Linear, Expr? Coefficient) inner, System.Func<Expr, Expr> map) =>
        inner.Linear && inner.Coefficient is { } coefficient ? (true, map(coefficient)) : inner;

    private static bool IsOne(Expr expr) => expr is LiteralExpr literal && literal.Text == Parsing.Literals.One(literal.Kind);

    /// <summary>A factor free of the accumulator that can be evaluated early: no element reads, no calls of user methods.</summary>
    private static bool IsSimpleFactor(Expr expr, string accumulator) =>
        !ExprWalker.Variables(expr).Contains(accumulator) && IsPlain(expr);

    private static bool IsPlain(Expr expr) => expr switch
    {
        LiteralExpr or VariableExpr => true,
        UnaryExpr or BinaryExpr or ConvertExpr or MathCallExpr => ExprWalker.Children(expr).All(IsPlain),
        _ => false,
    };

    /// <summary>
    /// Adds to <paramref name="exposed"/> the variables the statements read before assigning them in the same run
    /// (upward-exposed reads). <paramref name="killed"/> holds the variables plainly assigned so far: a scalar by a
    /// non-increment assignment at this level, an array by a loop that rewrites all of it; assignments inside
    /// branches and loops count only there (a loop may run no iteration).
    /// </summary>
    private static void Exposed(IEnumerable<Stmt> statements, HashSet<string> killed, HashSet<string> exposed, FullRewrites rewrites)
    {
        foreach (var statement in statements)
        {
            exposed.UnionWith(DirectReads(statement).Where(v => !killed.Contains(v)));
            switch (statement)
            {
                case AssignStmt { Index: null } plain when ReverseEmitter.Increment(plain) is null:
                    killed.Add(plain.Variable);
                    break;
                case AllocateStmt allocation:
                    killed.Add(allocation.Variable);
                    break;
                case IfStmt branch:
                    Exposed(branch.Then, new HashSet<string>(killed), exposed, rewrites);
                    Exposed(branch.Else, new HashSet<string>(killed), exposed, rewrites);
                    break;
                case LoopStmt loop:
                    Exposed(loop.Body.Concat(loop.Step), new HashSet<string>(killed), exposed, rewrites);
                    killed.UnionWith(rewrites.ArraysRewrittenBy(loop));
                    break;
            }
        }
    }

    /// <summary>What the statement itself reads (not the statements inside it): values, indices, conditions, lengths.</summary>
    private static HashSet<string> DirectReads(Stmt statement)
    {
        var reads = new HashSet<string>();
        StmtWalker.DirectReads(statement, reads);
        return reads;
    }

    /// <summary>The variables the statements assign or allocate, at any depth.</summary>
    private static HashSet<string> Assigned(IEnumerable<Stmt> statements) => new(StmtWalker.Descendants(statements).Select(s => s switch
    {
        AssignStmt a => a.Variable,
        AllocateStmt allocation => allocation.Variable,
        _ => null,
    }).OfType<string>());
}
