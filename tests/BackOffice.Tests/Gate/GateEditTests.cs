using System.Text.Json.Nodes;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Proposals;

namespace BackOffice.Tests.Gate;

/// <summary>Issue 19: what the approver sees is what executes. Edits are validated, described again and audited.</summary>
public sealed class GateEditTests : IDisposable
{
    private readonly GateFixture _f = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _f.Dispose();

    private async Task<long> SubmitAsync()
    {
        await _f.SeedAsync();
        return await _f.SubmitAsync(GateFixture.BillDraft() with { EditableFields = ["due_date", "memo", "lines"] });
    }

    private static JsonObject Lines(params (string Account, string Amount)[] lines) => new()
    {
        ["lines"] = new JsonArray(lines.Select(l => (JsonNode?)new JsonObject
        {
            ["account_id"] = l.Account, ["customer_id"] = "c-1", ["cost_code"] = "03-300", ["description"] = "Footings", ["amount"] = l.Amount,
        }).ToArray()),
    };

    private async Task<string> RowTextAsync(long id)
    {
        var row = await _f.Gate.GetAsync(_f.Path, id, _ct);
        return $"{row.State}|{row.Version}|{row.Title}|{row.PayloadJson}|{row.FiguresJson}|{row.Narrative}|{row.OriginalJson}";
    }

    [Theory]
    [InlineData("31/31/2026", "due_date: '31/31/2026' is not a date yyyy-MM-dd that exists.")]
    [InlineData("2026-02-30", "due_date: '2026-02-30' is not a date yyyy-MM-dd that exists.")]
    [InlineData("2026-13-01", "due_date: '2026-13-01' is not a date yyyy-MM-dd that exists.")]
    [InlineData("2026-11-19", "due_date: 2026-11-19 is before the bill date 2026-11-20.")]
    public async Task Edit_DueDateInvalid_RefusedNamingTheFieldNothingStored(string dueDate, string problem)
    {
        var id = await SubmitAsync();
        var before = await RowTextAsync(id);
        var invalid = await Assert.ThrowsAsync<ProposalInvalidException>(() =>
            _f.Gate.EditAsync(_f.Path, GateFixture.Lead, id, new JsonObject { ["due_date"] = dueDate }, _ct));
        Assert.Equal(problem, Assert.Single(invalid.Problems).ToString());
        Assert.Equal(before, await RowTextAsync(id));
        Assert.Contains(await _f.AuditEventsAsync(), e => e.Kind == "gate.invalid" && e.DataJson.Contains("due_date", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("12.345", "lines[0].amount: '12.345' has more than 2 decimals.")]
    [InlineData("abc", "lines[0].amount: 'abc' is not an amount such as 1234.50.")]
    [InlineData("1e5", "lines[0].amount: '1e5' is not an amount such as 1234.50.")]
    [InlineData("1,000.00", "lines[0].amount: '1,000.00' is not an amount such as 1234.50.")]
    [InlineData("", "lines[0].amount: missing; an amount such as 1234.50 is needed.")]
    [InlineData("-5.00", "lines: the lines add up to -$5.00; a bill must total more than zero.")]
    [InlineData("0", "lines: the lines add up to $0.00; a bill must total more than zero.")]
    public async Task Edit_LineAmountInvalid_RefusedNamingTheLine(string amount, string problem)
    {
        var id = await SubmitAsync();
        var before = await RowTextAsync(id);
        var invalid = await Assert.ThrowsAsync<ProposalInvalidException>(() =>
            _f.Gate.EditAsync(_f.Path, GateFixture.Lead, id, Lines(("a-5000", amount)), _ct));
        Assert.Equal(problem, Assert.Single(invalid.Problems).ToString());
        Assert.Equal(before, await RowTextAsync(id));
    }

    [Theory]
    [InlineData("a-9999", "lines[0].account_id: no account 'a-9999' exists.")]
    [InlineData("a-6000", "lines[0].account_id: account 'a-6000' is inactive.")]
    [InlineData(" ", "lines[0].account_id: missing.")]
    public async Task Edit_AccountMissingOrInactive_Refused(string account, string problem)
    {
        var id = await SubmitAsync();
        await _f.CountAsync("INSERT INTO ledger_accounts (id, number, name, type, active, row_hash) VALUES ('a-6000', '6000', 'Old', 'Expense', 0, 'x') RETURNING 0");
        var invalid = await Assert.ThrowsAsync<ProposalInvalidException>(() =>
            _f.Gate.EditAsync(_f.Path, GateFixture.Lead, id, Lines((account, "10.00")), _ct));
        Assert.Equal(problem, Assert.Single(invalid.Problems).ToString());
    }

    [Fact]
    public async Task Edit_LinesToAMillion_TitleFiguresAndNarrativeShowWhatWillExecute()
    {
        var id = await SubmitAsync();
        var edited = await _f.Gate.EditAsync(_f.Path, GateFixture.Lead, id, Lines(("a-5000", "999000.00"), ("a-5000", "1000.00")), _ct);
        Assert.Equal("Draft bill SI-1001 to Acme Concrete for $1,000,000.00", edited.Title);
        Assert.Contains("\"name\":\"bill_total\",\"value\":\"1000000.00\"", edited.FiguresJson);
        Assert.Contains("2 line(s) totalling $1,000,000.00", edited.Narrative);
        Assert.Contains("The amount changed from $1,234.50 to $1,000,000.00", edited.Narrative);
        Assert.DoesNotContain("1234.50", edited.FiguresJson);
        var original = JsonNode.Parse(edited.OriginalJson!)!;
        Assert.Equal("Draft bill SI-1001", original["title"]!.GetValue<string>());
        Assert.Equal("1234.50", original["payload"]!["lines"]![0]!["amount"]!.GetValue<string>());
    }

    [Fact]
    public async Task Approve_AmountChangedByTheApprover_RefusedSecondPersonApproves()
    {
        var id = await SubmitAsync();
        await _f.Gate.EditAsync(_f.Path, GateFixture.Lead, id, Lines(("a-5000", "1300.00")), _ct);
        var refused = await Assert.ThrowsAsync<GateRefusedException>(() => _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, _ct));
        Assert.Contains("a second person must approve", refused.Message);
        Assert.Equal(ProposalStates.Approved, (await _f.Gate.ApproveAsync(_f.Path, GateFixture.OtherLead, id, _ct)).State);
    }

    [Fact]
    public async Task Approve_OnlyMemoEditedByTheApprover_Allowed()
    {
        var id = await SubmitAsync();
        var edited = await _f.Gate.EditAsync(_f.Path, GateFixture.Lead, id, new JsonObject { ["memo"] = "Pay app 3 of 7" }, _ct);
        Assert.Null(edited.AmountEditedBy);
        Assert.Equal(ProposalStates.Approved, (await _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, _ct)).State);
    }

    [Fact]
    public async Task Edit_Approved_BackToProposedAndNeedsAFreshApproval()
    {
        var id = await SubmitAsync();
        await _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, _ct);
        var edited = await _f.Gate.EditAsync(_f.Path, GateFixture.OtherLead, id, new JsonObject { ["due_date"] = "2027-01-15" }, _ct);
        Assert.Equal((ProposalStates.Proposed, (string?)null), (edited.State, edited.DecidedBy));
        await _f.EnableWritesAsync();
        await Assert.ThrowsAsync<ProposalConflictException>(() => _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct));
    }

    [Fact]
    public async Task Edit_FailedBeforeExecution_FixedApprovedAndExecutedOnce()
    {
        var id = await SubmitAsync();
        await _f.EnableWritesAsync();
        await _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, _ct);
        await _f.CountAsync("UPDATE ledger_accounts SET active = 0 WHERE id = 'a-5000' RETURNING 0");
        var failed = await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct);
        Assert.Equal("Not executed, the proposal is not valid: lines[0].account_id: account 'a-5000' is inactive.", failed.Error);
        var edited = await _f.Gate.EditAsync(_f.Path, GateFixture.Lead, id, Lines(("a-2000", "1234.50")), _ct);
        Assert.Equal((ProposalStates.Proposed, (string?)null), (edited.State, edited.Error));
        await _f.Gate.ApproveAsync(_f.Path, GateFixture.OtherLead, id, _ct);
        Assert.Equal(ProposalStates.Executed, (await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct)).State);
        Assert.Equal(1, await _f.CountAsync("SELECT COUNT(*) FROM ledger_bill_lines WHERE account_id = 'a-2000'"));
    }

    [Fact]
    public async Task Edit_TwiceThenExecuted_ExecutesTheLastEditAndKeepsTheAgentsOriginal()
    {
        var id = await SubmitAsync();
        await _f.Gate.EditAsync(_f.Path, GateFixture.Lead, id, Lines(("a-5000", "2000.00")), _ct);
        var edited = await _f.Gate.EditAsync(_f.Path, GateFixture.OtherLead, id, Lines(("a-5000", "1500.25")), _ct);
        Assert.Equal(GateFixture.OtherLead.Name, edited.AmountEditedBy);
        Assert.Equal("1234.50", JsonNode.Parse(edited.OriginalJson!)!["payload"]!["lines"]![0]!["amount"]!.GetValue<string>());
        await _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, _ct);
        await _f.EnableWritesAsync();
        await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct);
        Assert.Equal(150025, await _f.CountAsync("SELECT total_cents FROM ledger_bills"));
    }
}
