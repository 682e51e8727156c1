using System.Text.Json.Nodes;
using BackOffice.Agents.Workforce.Actions;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Workforce;

/// <summary>The demo bundle's planted payroll findings, through the CLI: reports, proposals and the gate.</summary>
public sealed class WorkforceCliTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public WorkforceCliTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    private async Task<JsonArray> JsonListAsync(params string[] args) => (await _cli.OkAsync([.. args, "--json"])).Json.AsArray();

    [Fact]
    public async Task Demo_PayrollCheckReport_FindsThePlantedUnderpayments()
    {
        await _cli.OkAsync("demo", "--as-of", "2026-11-12");

        var rows = await JsonListAsync("report", "payroll-check", "--tenant", "demo", "--week", "2026-11-05");

        Assert.Equal(["emp-1", "emp-2", "emp-3", "emp-4", "emp-5"], rows.Select(r => (string)r!["id"]!));
        var difference = rows.ToDictionary(r => (string)r!["id"]!, r => (string?)r!["difference"]);
        Assert.Equal(("243.00", "28.85", "0.00"), (difference["emp-2"], difference["emp-5"], difference["emp-1"]));
        // Issue 16: Ana Morales on pieces with California rest pay (Labor Code 226.2: $1,173.95 / 40.8333 = $28.75 x
        // 1.6667 = $47.92, then 2.5 daily overtime hours at half of $1,221.87 / 42.5) and Tom Becker on pieces with an
        // agreed overtime piece rate and no overtime: both paid what the rules require, so neither is a finding.
        Assert.Equal(("0.00", "0.00", "47.92", "PieceRate"), (difference["emp-3"], difference["emp-4"], (string?)rows[2]!["restPay"], (string?)rows[3]!["payBasis"]));
        Assert.Equal("", (string?)rows[2]!["issues"]);
        var staffing = await JsonListAsync("report", "staffing", "--tenant", "demo", "--week", "2026-11-16");
        Assert.Contains(staffing, r => (string?)r!["trade"] == "Carpentry" && (string?)r["week"] == "2026-11-16" && (string?)r["overtime"] == "322"); // 282 h scheduled + 160 h overdue on st-14, less 120 h of crew
    }

    [Fact]
    public async Task Demo_PayrollAdjustment_NeedsAPayrollLeadThenExecutesAndUndoes()
    {
        await _cli.OkAsync("demo", "--as-of", "2026-11-12");
        await _cli.OkAsync("users", "add", "pat", "--role", "lead", "--department", "payroll", "--as", "sam");
        var proposals = await JsonListAsync("proposals", "list", "--agent", "workforce");
        var marcus = proposals.Single(p => (string?)p!["actionKind"] == PayrollAdjustmentPayload.Kind && ((string)p["title"]!).Contains("Marcus", StringComparison.Ordinal))!;
        var id = ((long)marcus["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(1, (await _cli.RunAsync("proposals", "approve", id, "--as", "dana")).ExitCode); // a finance lead, not payroll
        await _cli.OkAsync("proposals", "approve", id, "--as", "pat");
        await _cli.OkAsync("writes", "on", "--as", "sam");
        await _cli.OkAsync("agents", "set", "workforce", "--writes", "on", "--as", "sam");
        await _cli.OkAsync("proposals", "execute", id, "--as", "pat");
        var outbox = new BackOffice.Store.Workforce.WorkforceOutbox(TimeProvider.System);
        var path = _temp.Tenant("demo");
        Assert.Equal(24_300L, Assert.Single(await outbox.ListAsync(path, CancellationToken.None)).AmountCents);

        await _cli.OkAsync("proposals", "undo", id, "--as", "pat");
        Assert.Empty(await outbox.ListAsync(path, CancellationToken.None));
        await _cli.OkAsync("audit", "verify");
    }
}
