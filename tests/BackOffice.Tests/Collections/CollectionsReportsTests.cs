using BackOffice.Tests.Support;

namespace BackOffice.Tests.Collections;

/// <summary>`backoffice report aging|collections-queue` over the demo bundle, end to end through the CLI.</summary>
public sealed class CollectionsReportsTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public CollectionsReportsTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AgingReport_DemoAsOf_BucketsByDueDateWithRetainageApart()
    {
        await _cli.OkAsync("tenant", "create", "demo");
        await _cli.OkAsync("import", "--tenant", "demo", RepoPaths.DemoBundle);

        var rows = (await _cli.OkAsync("report", "aging", "--tenant", "demo", "--as-of", "2026-11-22", "--json")).Json.AsArray();

        var harbor = rows.Single(r => (string?)r!["id"] == "cust-21")!;
        // inv-1036 (due 2026-10-15, 38 days) is 31-60; inv-1048 (due 2026-12-04) is current; inv-1041 is paid.
        Assert.Equal(("135900.00", "18750.00", "154650.00", "28140.00"),
            ((string?)harbor["current"], (string?)harbor["31-60"], (string?)harbor["total"], (string?)harbor["retainage"]));
        var garcia = rows.Single(r => (string?)r!["id"] == "cust-41")!;
        Assert.Equal("3875.00", (string?)garcia["over 90"]);
        var total = rows.Single(r => (string?)r!["id"] == "total")!;
        // 154,650.00 Harbor Point + 20,095.00 Smith (40,095.00 less 20,000.00 paid) + 3,875.00 Garcia + 4,000.00 Lakeview:
        // the aging mirrors the ledger, so inv-1055 stays in it until the unapplied payment is applied.
        Assert.Equal("182620.00", (string?)total["total"]);
        var table = await _cli.OkAsync("report", "aging", "--tenant", "demo", "--as-of", "2026-11-22");
        Assert.Contains("61-90", table.Out);
    }

    [Fact]
    public async Task QueueReport_Demo_RanksWorstFirstAndSaysWhatIsNotChased()
    {
        await _cli.OkAsync("tenant", "create", "demo");
        await _cli.OkAsync("import", "--tenant", "demo", RepoPaths.DemoBundle);

        var rows = (await _cli.OkAsync("report", "collections-queue", "--tenant", "demo", "--as-of", "2026-11-22", "--json")).Json.AsArray();

        Assert.Equal(["inv-0988", "inv-1036"], rows.Where(r => (int?)r!["rank"] is 1 or 2).Select(r => (string)r!["id"]!));
        Assert.StartsWith("5 lien-warning", (string)rows[0]!["level"]!);
        var unapplied = rows.Single(r => (string?)r!["id"] == "inv-1055")!;
        Assert.Equal("not chased: unapplied", (string?)unapplied["status"]);
        Assert.Contains("Check 2215", (string)unapplied["reason"]!);
    }
}
