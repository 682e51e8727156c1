using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Host.Cli;

namespace BackOffice.Tests.Support;

/// <summary>Runs `backoffice ...` in process against a temp data folder, capturing stdout, stderr and the exit code.</summary>
public sealed class CliRunner(string dataRoot)
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public JsonNode Json => JsonNode.Parse(Out) ?? throw new InvalidOperationException("no JSON output");
    }

    public async Task<Result> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = BackOfficeCli.Build().Parse([.. args, "--data", dataRoot]);
        var code = await BackOfficeCli.InvokeAsync(parse, new InvocationConfiguration { Output = output, Error = error });
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs and asserts success, so a failing step names itself with its stderr.</summary>
    public async Task<Result> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"`backoffice {string.Join(' ', args)}` exited {result.ExitCode}: {result.Error}{result.Out}");
        return result;
    }
}
