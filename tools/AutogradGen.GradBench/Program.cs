// AutogradGen as a GradBench tool: one long-lived process that answers GradBench's JSON-lines protocol on
// stdin/stdout (one response line per message). stdout carries nothing else: anything else written through
// Console goes to stderr, so a stray log line can never be read as a response.
using System.Text;
using AutogradGen.GradBench.Protocol;

var protocolOut = Console.OpenStandardOutput();
Console.SetOut(Console.Error);

using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), false, 1 << 20);
var session = new ToolSession(EvalRegistry.All);
string? line;
while ((line = input.ReadLine()) != null)
{
    if (line.Length == 0) continue;
    byte[] response = session.Handle(line);
    protocolOut.Write(response);
    protocolOut.WriteByte((byte)'\n');
    protocolOut.Flush();
}

return 0;
