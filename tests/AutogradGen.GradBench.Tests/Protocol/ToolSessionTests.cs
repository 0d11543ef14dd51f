using System.Text;
using System.Text.Json;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Tests.Protocol;

public class ToolSessionTests
{
    private static JsonElement Send(string line)
    {
        var session = new ToolSession(EvalRegistry.All);
        byte[] response = session.Handle(line);
        string text = Encoding.UTF8.GetString(response);
        Assert.DoesNotContain('\n', text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public void Start_is_answered_with_the_id_and_the_tool_name()
    {
        var response = Send("""{"id":0,"kind":"start","eval":"gmm","config":{"n":1000}}""");
        Assert.Equal(0, response.GetProperty("id").GetInt64());
        Assert.Equal("autogradgen", response.GetProperty("tool").GetString());
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("gmm")]
    [InlineData("ba")]
    [InlineData("lstm")]
    [InlineData("ode")]
    [InlineData("llsq")]
    [InlineData("lse")]
    [InlineData("det")]
    [InlineData("kmeans")]
    [InlineData("ht")]
    [InlineData("particle")]
    [InlineData("saddle")]
    public void Define_of_an_implemented_module_succeeds(string module)
    {
        var response = Send($$"""{"id":1,"kind":"define","module":"{{module}}"}""");
        Assert.Equal(1, response.GetProperty("id").GetInt64());
        Assert.True(response.GetProperty("success").GetBoolean());
    }

    [Fact]
    public void Define_of_an_unknown_module_fails_and_names_the_known_ones()
    {
        var response = Send("""{"id":1,"kind":"define","module":"nosuch"}""");
        Assert.False(response.GetProperty("success").GetBoolean());
        Assert.Contains("'nosuch' is not implemented", response.GetProperty("error").GetString());
        Assert.Contains("gmm", response.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"kind":"start"}""")]
    [InlineData("""{"id":"zero","kind":"start"}""")]
    public void A_malformed_message_gets_an_error_reply_with_a_null_id(string line)
    {
        var response = Send(line);
        Assert.Equal(JsonValueKind.Null, response.GetProperty("id").ValueKind);
        Assert.False(response.GetProperty("success").GetBoolean());
        Assert.StartsWith("malformed message", response.GetProperty("error").GetString());
    }

    [Fact]
    public void Analysis_and_unknown_kinds_are_answered_with_the_id_alone()
    {
        var analysis = Send("""{"id":3,"kind":"analysis","of":2,"valid":true}""");
        Assert.Equal(3, analysis.GetProperty("id").GetInt64());
        Assert.Single(analysis.EnumerateObject());
        var other = Send("""{"id":4,"kind":"something-new"}""");
        Assert.Single(other.EnumerateObject());
    }

    [Fact]
    public void Evaluate_of_an_unknown_function_fails_and_names_the_module_functions()
    {
        var response = Send("""{"id":2,"kind":"evaluate","module":"llsq","function":"hessian","input":{"x":[1.0],"n":4}}""");
        Assert.False(response.GetProperty("success").GetBoolean());
        Assert.Equal("module 'llsq' has no function 'hessian'; it has primal, gradient", response.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("""{"id":2,"kind":"evaluate","module":"llsq","function":"primal","input":{"n":4}}""", "input has no 'x'")]
    [InlineData("""{"id":2,"kind":"evaluate","module":"llsq","function":"primal","input":{"x":"abc","n":4}}""", "'x' must be an array of numbers")]
    [InlineData("""{"id":2,"kind":"evaluate","module":"llsq","function":"primal","input":{"x":[1.0],"n":4.5}}""", "'n' must be an integer")]
    [InlineData("""{"id":2,"kind":"evaluate","module":"gmm","function":"objective","input":{"d":2}}""", "input has no 'k'")]
    [InlineData("""{"id":2,"kind":"evaluate","module":"hello","function":"square","input":"three"}""", "'input' must be a number")]
    [InlineData("""{"id":2,"kind":"evaluate","module":"llsq","function":"primal","input":{"x":[1.0],"n":4,"min_runs":0}}""", "min_runs must be at least 1")]
    [InlineData("""{"id":2,"kind":"evaluate","module":"nosuch","function":"f","input":{}}""", "module 'nosuch' is not implemented")]
    public void Evaluate_of_a_malformed_input_fails_with_a_message_naming_the_problem(string line, string error)
    {
        var response = Send(line);
        Assert.Equal(2, response.GetProperty("id").GetInt64());
        Assert.False(response.GetProperty("success").GetBoolean());
        Assert.Contains(error, response.GetProperty("error").GetString());
    }

    [Fact]
    public void Evaluate_runs_min_runs_times_with_one_integer_evaluate_timing_per_run_and_one_prepare()
    {
        var response = Send("""{"id":2,"kind":"evaluate","module":"llsq","function":"gradient","input":{"x":[0.5,-0.25],"n":8,"min_runs":5,"min_seconds":0.0},"description":"n=8,m=2"}""");
        Assert.True(response.GetProperty("success").GetBoolean());
        var timings = response.GetProperty("timings").EnumerateArray().ToList();
        Assert.Equal(5, timings.Count(t => t.GetProperty("name").GetString() == "evaluate"));
        Assert.Equal(1, timings.Count(t => t.GetProperty("name").GetString() == "prepare"));
        foreach (var timing in timings)
        {
            var nanoseconds = timing.GetProperty("nanoseconds");
            Assert.Equal(JsonValueKind.Number, nanoseconds.ValueKind);
            Assert.DoesNotContain('.', nanoseconds.GetRawText());
            Assert.True(nanoseconds.GetInt64() >= 0);
        }

        Assert.Equal(2, response.GetProperty("output").GetArrayLength());
    }

    [Fact]
    public void Evaluate_keeps_running_until_min_seconds_have_passed()
    {
        var response = Send("""{"id":2,"kind":"evaluate","module":"hello","function":"square","input":2.0}""");
        Assert.Single(response.GetProperty("timings").EnumerateArray(), t => t.GetProperty("name").GetString() == "evaluate");

        var timed = Send("""{"id":2,"kind":"evaluate","module":"lse","function":"primal","input":{"x":[1.0,2.0],"min_runs":1,"min_seconds":0.05}}""");
        long total = timed.GetProperty("timings").EnumerateArray()
            .Where(t => t.GetProperty("name").GetString() == "evaluate").Sum(t => t.GetProperty("nanoseconds").GetInt64());
        Assert.True(total >= 50_000_000, $"the runs added up to {total} ns");
    }

    [Fact]
    public void Hello_square_and_double_chain_as_the_eval_sends_them()
    {
        var square = Send("""{"id":2,"kind":"evaluate","module":"hello","function":"square","input":3.0}""");
        Assert.Equal(9.0, square.GetProperty("output").GetDouble());
        var twice = Send("""{"id":4,"kind":"evaluate","module":"hello","function":"double","input":9.0}""");
        Assert.Equal(18.0, twice.GetProperty("output").GetDouble());
    }

    [Fact]
    public void An_output_that_json_cannot_carry_is_an_error_reply()
    {
        // This determinant overflows to infinity, which no JSON number can hold.
        var response = Send("""{"id":2,"kind":"evaluate","module":"det","function":"primal","input":{"A":[1e308,1e308,-1e308,1e308],"ell":2}}""");
        Assert.False(response.GetProperty("success").GetBoolean());
        Assert.Contains("cannot be written as JSON", response.GetProperty("error").GetString());
    }
}
