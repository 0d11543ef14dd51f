using System.Text;

namespace AutogradGen.Tests.Support;

/// <summary>A DOT graph as read back: its node statements (id and attributes) and edges, in the order written.</summary>
public sealed record DotGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Nodes, IReadOnlyList<DotEdge> Edges)
{
    /// <summary>The label of node <paramref name="id"/>, with DOT's <c>\n</c> read as a line break.</summary>
    public string Label(string id) => Nodes[id]["label"];

    /// <summary>The ids of the nodes whose label is <paramref name="label"/>.</summary>
    public IReadOnlyList<string> WithLabel(string label) => [.. Nodes.Where(node => node.Value.GetValueOrDefault("label") == label).Select(node => node.Key)];

    /// <summary>The directed edges (not the undirected <c>dir=none</c> ones to saved tensors) as label pairs, sorted.</summary>
    public IReadOnlyList<string> DirectedEdgesByLabel() =>
        [.. Edges.Where(edge => !edge.Undirected).Select(edge => $"{Label(edge.From)} -> {Label(edge.To)}").Order(StringComparer.Ordinal)];
}

/// <summary>One edge statement; <see cref="Undirected"/> for <c>[dir=none]</c>.</summary>
public sealed record DotEdge(string From, string To, IReadOnlyDictionary<string, string> Attributes)
{
    public bool Undirected => Attributes.GetValueOrDefault("dir") == "none";
}

/// <summary>
/// Reads the DOT subset a graph writer prints: <c>digraph { ... }</c> with one statement a line, <c>graph [..]</c> and
/// <c>node [..]</c> defaults, node statements <c>id [k=v ...]</c> and edges <c>a -> b [k=v ...]</c>; values bare or
/// quoted with <c>\"</c>, <c>\\</c> and <c>\n</c> escapes. Anything else fails the test: the writer must print only this.
/// </summary>
public static class DotReader
{
    public static DotGraph Read(string dot)
    {
        var lines = dot.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("digraph {", lines[0]);
        Assert.Equal("}", lines[^1]);
        var nodes = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var edges = new List<DotEdge>();
        foreach (var raw in lines[1..^1])
        {
            var line = raw.Trim();
            int bracket = line.IndexOf('[', StringComparison.Ordinal);
            var head = (bracket < 0 ? line : line[..bracket]).Trim();
            var attributes = bracket < 0 ? new Dictionary<string, string>() : Attributes(line[bracket..]);
            if (head is "graph" or "node" or "edge") continue;
            var ends = head.Split("->", StringSplitOptions.TrimEntries);
            Assert.All(ends, id => Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", id));
            if (ends.Length == 1)
            {
                Assert.True(nodes.TryAdd(ends[0], attributes), $"node {ends[0]} is declared twice");
            }
            else
            {
                Assert.Equal(2, ends.Length);
                edges.Add(new DotEdge(ends[0], ends[1], attributes));
            }
        }

        foreach (var edge in edges)
        {
            Assert.True(nodes.ContainsKey(edge.From) && nodes.ContainsKey(edge.To), $"edge {edge.From} -> {edge.To} joins an undeclared node");
        }
        return new DotGraph(nodes, edges);
    }

    private static Dictionary<string, string> Attributes(string list)
    {
        Assert.EndsWith("]", list, StringComparison.Ordinal);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        int i = 1;
        while (true)
        {
            while (list[i] == ' ') i++;
            if (list[i] == ']') break;
            int equals = list.IndexOf('=', i);
            var key = list[i..equals];
            i = equals + 1;
            var value = new StringBuilder();
            if (list[i] == '"')
            {
                for (i++; list[i] != '"'; i++)
                {
                    if (list[i] == '\\')
                    {
                        i++;
                        value.Append(list[i] == 'n' ? '\n' : list[i]);
                    }
                    else value.Append(list[i]);
                }
                i++;
            }
            else
            {
                for (; list[i] != ' ' && list[i] != ']'; i++) value.Append(list[i]);
            }
            attributes.Add(key, value.ToString());
        }
        return attributes;
    }
}
