using System.Text.Json.Nodes;
using BackOffice.Kernel.Ask;
using BackOffice.Store.Audit;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Ask;

/// <summary>Issue 15: `backoffice ask` offline names the reports that answer a question, refuses changes, audits each question.</summary>
public sealed class AskCommandTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public AskCommandTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    /// <summary>The issue's own example questions, and the report that computes each answer.</summary>
    [Theory]
    [InlineData("who owes us the most past 60 days?", "aging")]
    [InlineData("which cost codes drive the overrun on Harbor Point?", "variance")]
    [InlineData("what moves our margin if the pending change orders are approved?", "margin")]
    public async Task Ask_NoModel_SaysSoAndNamesTheReportThatAnswers(string question, string report)
    {
        await _cli.OkAsync("tenant", "create", "acme");

        var answer = await _cli.OkAsync("ask", "--tenant", "acme", question);

        Assert.StartsWith("No model is configured", answer.Out, StringComparison.Ordinal);
        Assert.Contains($"  {report}: ", answer.Out, StringComparison.Ordinal);
        var asked = Assert.Single(await AuditAsync(), e => e.Kind == "question.asked");
        var data = JsonNode.Parse(asked.DataJson)!;
        Assert.Equal(question, (string?)data["question"]);
        Assert.Contains(report, data["reports"]!.AsArray().Select(r => (string?)r));
    }

    [Theory]
    [InlineData("approve the Rivera Plumbing bill")]
    [InlineData("Send a reminder to Harbor Point's owner")]
    [InlineData("please write off invoice 1047")]
    [InlineData("Can you pay Summit Drywall today?")]
    public async Task Ask_QuestionThatChangesData_IsAnsweredProposeItAndAudited(string question)
    {
        await _cli.OkAsync("tenant", "create", "acme");

        var answer = await _cli.OkAsync("ask", "--tenant", "acme", question);

        Assert.Equal(QuestionDesk.ProposeIt, answer.Out.Trim());
        var asked = Assert.Single(await AuditAsync(), e => e.Kind == "question.asked");
        Assert.True((bool)JsonNode.Parse(asked.DataJson)!["refused"]!);
    }

    [Fact]
    public void Words_PluralsAndStopwords_AreNormalised() =>
        Assert.Equal(["owe", "day", "order"], QuestionDesk.Words("who owes us the most past days? orders"));

    private async Task<IReadOnlyList<AuditEvent>> AuditAsync()
    {
        var data = _temp.Tenant("acme");
        await using var c = await data.OpenAsync(CancellationToken.None);
        return await AuditStore.ReadAllAsync(DataUnit.Over(c, null), CancellationToken.None);
    }
}
