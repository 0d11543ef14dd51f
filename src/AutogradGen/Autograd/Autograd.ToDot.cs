using System.Globalization;
using System.Text;

namespace AutogradGen;

public static partial class Autograd
{
    /// <summary>
    /// The graph behind <paramref name="output"/> as Graphviz DOT text (torchviz's <c>make_dot(y, params, show_saved=True)</c>):
    /// a box per node named as <see cref="Node.Name"/> prints it, an edge from each node to the node that consumes its
    /// gradient's input (the direction the forward pass ran), the leaves that require grad (light blue: their name from
    /// <paramref name="names"/>, shape and <c>requires_grad</c>) joined to their <see cref="AccumulateGrad"/> nodes, the
    /// tensors each node saved for backward (orange, joined by an undirected edge; gone once a backward pass freed them),
    /// and the output itself (green). Render it with <c>dot -Tsvg graph.dot -o graph.svg</c>.
    /// </summary>
    /// <param name="output">The tensor whose history to draw (a leaf draws as one box).</param>
    /// <param name="names">Names for tensors, as torchviz's <c>params</c> (e.g. <c>["w"] = w</c>); others are unnamed.</param>
    /// <returns>A <c>digraph</c> whose node ids are <c>n0</c>, <c>n1</c>, ... in the order the walk met them (deterministic).</returns>
    public static string ToDot(Tensor output, IReadOnlyDictionary<string, Tensor>? names = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        return ToDot([output], names);
    }

    /// <summary>The graph behind several outputs in one picture (torchviz's <c>make_dot((y1, y2))</c>): shared nodes appear once.</summary>
    /// <inheritdoc cref="ToDot(Tensor, IReadOnlyDictionary{string, Tensor}?)"/>
    public static string ToDot(IReadOnlyList<Tensor> outputs, IReadOnlyDictionary<string, Tensor>? names = null)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return new DotGraphWriter(names).Write(outputs);
    }

    /// <summary>Walks the graph once (iteratively: deep graphs must not overflow the stack) and prints it.</summary>
    private sealed class DotGraphWriter
    {
        // torchviz's look: filled boxes in a small monospace font, a 12-inch page.
        private const string Header = """
            digraph {
            	graph [size="12,12"]
            	node [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]
            """;

        private readonly Dictionary<Tensor, string> _nameOf = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<object, string> _idOf = new(ReferenceEqualityComparer.Instance);
        private readonly StringBuilder _nodes = new();
        private readonly StringBuilder _edges = new();

        public DotGraphWriter(IReadOnlyDictionary<string, Tensor>? names)
        {
            if (names is null) return;
            foreach (var (name, tensor) in names.OrderBy(pair => pair.Key, StringComparer.Ordinal)) _nameOf.TryAdd(tensor, name);
        }

        public string Write(IReadOnlyList<Tensor> outputs)
        {
            var pending = new Stack<Node>();
            foreach (var output in outputs)
            {
                ArgumentNullException.ThrowIfNull(output);
                if (!TryAddId(output, out var outputId)) continue;
                AddBox(outputId, TensorLabel(output, role: null), "darkolivegreen1");
                if (output.GradFn is { } gradFn)
                {
                    var met = new List<Node>(1);
                    AddEdge(Visit(gradFn, met), outputId);
                    foreach (var node in met) pending.Push(node);
                }
            }

            while (pending.Count > 0)
            {
                var node = pending.Pop();
                string id = _idOf[node];
                AddSavedTensors(node, id);
                if (node is AccumulateGrad accumulate)
                {
                    var leaf = accumulate.Variable;
                    if (TryAddId(leaf, out var leafId)) AddBox(leafId, TensorLabel(leaf, role: null), "lightblue");
                    AddEdge(_idOf[leaf], id);
                }

                // Numbered and joined in input order (PyTorch's next_functions order); the new ones are walked in that
                // order too, so they are pushed in reverse.
                var inputs = node.Inputs;
                var met = new List<Node>(inputs.Length);
                foreach (var input in inputs)
                {
                    if (input.Node is not { } next) continue;
                    AddEdge(Visit(next, met), id);
                }
                for (int i = met.Count - 1; i >= 0; i--) pending.Push(met[i]);
            }

            return string.Concat(Header, "\n", _nodes.ToString(), _edges.ToString(), "}\n");
        }

        /// <summary>The node's id; a node met for the first time gets its box and is added to <paramref name="met"/>.</summary>
        private string Visit(Node node, List<Node> met)
        {
            if (!TryAddId(node, out var id)) return id;
            AddBox(id, node.Name, fillColor: null);
            met.Add(node);
            return id;
        }

        private void AddSavedTensors(Node node, string nodeId)
        {
            foreach (var saved in node.SavedTensorsInOrder())
            {
                if (saved.Peek is not { } tensor) continue; // freed by a backward pass that did not retain the graph
                if (TryAddId(tensor, out var tensorId))
                {
                    // A saved leaf that requires grad is the same tensor its AccumulateGrad draws: one light-blue box.
                    if (tensor.IsLeaf && tensor.RequiresGrad) AddBox(tensorId, TensorLabel(tensor, role: null), "lightblue");
                    else AddBox(tensorId, TensorLabel(tensor, saved.IsOutputOf(node) ? "saved result" : "saved"), "orange");
                }
                _edges.Append(CultureInfo.InvariantCulture, $"\t{nodeId} -> {tensorId} [dir=none]\n");
            }
        }

        private bool TryAddId(object item, out string id)
        {
            if (_idOf.TryGetValue(item, out var existing))
            {
                id = existing;
                return false;
            }
            id = "n" + _idOf.Count.ToString(CultureInfo.InvariantCulture);
            _idOf.Add(item, id);
            return true;
        }

        private void AddBox(string id, string label, string? fillColor)
        {
            _nodes.Append(CultureInfo.InvariantCulture, $"\t{id} [label={Quote(label)}");
            if (fillColor is not null) _nodes.Append(CultureInfo.InvariantCulture, $" fillcolor={fillColor}");
            _nodes.Append("]\n");
        }

        private void AddEdge(string from, string to) => _edges.Append(CultureInfo.InvariantCulture, $"\t{from} -> {to}\n");

        /// <summary>torchviz's label, name then shape as a tuple (<c>(2, 2)</c>, <c>(3)</c>, <c>()</c> for a scalar), and whether it requires grad.</summary>
        private string TensorLabel(Tensor tensor, string? role)
        {
            var lines = new List<string>(4);
            if (role is not null) lines.Add(role);
            if (_nameOf.TryGetValue(tensor, out var name)) lines.Add(name);
            var shape = tensor.Shape;
            lines.Add("(" + string.Join(", ", shape.Select(size => size.ToString(CultureInfo.InvariantCulture))) + ")");
            lines.Add(tensor.RequiresGrad ? "requires_grad=True" : "requires_grad=False");
            return string.Join("\n", lines);
        }

        /// <summary>A DOT string: quotes and backslashes escaped, line breaks as DOT's <c>\n</c>.</summary>
        private static string Quote(string text) =>
            "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }
}
