using System.Text.Json.Nodes;
using BackOffice.Agents.Financial;
using BackOffice.Agents.Financial.PayApps;
using BackOffice.Domain.Financial;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Bundle;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Financial;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;
using BackOffice.Tools.PayApps;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: a G702 whose totals do not tie out against its own G703 is a Financial finding that names each line that
/// does not tie and by how much, in the words of the g702 report's tie-out.
/// </summary>
public sealed class PayAppTieOutFindingTests : IDisposable
{
    private const string KeyPrefix = "financial:pay-app-tie-out:";
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public PayAppTieOutFindingTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void For_PayAppProExampleStatedWithWrongTotals_NamesEachLineFieldAndDifference()
    {
        // PUBLISHED inputs: PayAppPro "Example Completed G702 & G703", payapppro.com/examples/aia-g702-g703.php: original
        // 250,000, change orders 15,000, contract sum to date 265,000; G703 rows Mobilization 25,000 (25,000 previous),
        // Rough Carpentry 95,000 (40,000 previous, 22,500 this period), Finish Carpentry 145,000 (45,000 this period);
        // completed and stored 132,500; retainage 10% 13,250; no previous certificates (the page's line 8 ignores them).
        var packet = PayAppTools.Compute(250_000m, new ChangeOrderSummary(15_000m, 0m, 0m, 0m), PayAppToolsTests.PayAppProCompletedLines, RetainageRates.Flat(10m), 0m);
        // DERIVED errors typed into that application: row 2's balance to finish 32,400 (C - G = 32,500), line 4 132,600,
        // line 5 13,300 and line 8 119,400.
        var stated = new StatedPayApp("2", 265_000m, 132_600m, 13_300m, null, 0m, 119_400m,
        [
            new("1", 25_000m, 25_000m, 0m, 0m, 25_000m, 0m),
            new("2", 95_000m, 40_000m, 22_500m, 0m, 62_500m, 32_400m),
            new("3", 145_000m, 0m, 45_000m, 0m, 45_000m, 100_000m),
        ]);
        var document = new PayAppDocument(new JobContract("job-7", "Pine Street Fit-Out", "active", 250_000m, null),
            new PayApp("pa-7-2", "job-7", "2", new DateOnly(2026, 10, 31), 132_600m, 0m, 13_300m, 119_400m, "submitted"), null, packet,
            PayAppTieOut.Check(stated, packet.Summary));

        var finding = PayAppTieOutCheck.For(document);

        Assert.Equal("financial:pay-app-tie-out:job-7:2", finding.Key);
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal("Pine Street Fit-Out pay application 2 does not tie out: G703 item 2, G702 line 4, G702 line 8, G702 line 5", finding.Title);
        string[] expected =
        [
            "Does not tie: G703 item 2, H = C - G: stated 32,400.00, expected 32,500.00, difference (100.00)",
            "Does not tie: G702 line 4, total completed and stored = G703 column G total: stated 132,600.00, expected 132,500.00, difference 100.00",
            "Does not tie: G702 line 8, line 6 less line 7: stated 119,400.00, expected 119,300.00, difference 100.00",
            "Does not tie: G702 line 5, retainage at the contract's rates: stated 13,300.00, expected 13,250.00, difference 50.00",
            "Does not tie: G702 line 8, current payment due computed from the schedule of values: stated 119,400.00, expected 119,250.00, difference 150.00",
        ];
        Assert.Equal(expected, PayAppForm.TieOutText(document));
        Assert.All(expected, line => Assert.Contains(line, finding.Narrative, StringComparison.Ordinal));
        Assert.Contains("report g702 --job job-7 --period 2", finding.Narrative, StringComparison.Ordinal);
        Assert.Equal(["-100.00", "100.00", "100.00", "50.00", "150.00"], finding.Figures.Where(f => f.Name.EndsWith("_difference", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.Equal("1_g703_item_2_difference", finding.Figures[2].Name);
        Assert.All(finding.Figures, f => Assert.Equal(new SourceRef("project", "project_pay_apps", "pa-7-2"), Assert.Single(f.Sources)));
    }

    [Fact]
    public void For_OnlyALineAboveEightOff_IsAWarning()
    {
        var packet = PayAppTools.Compute(265_000m, ChangeOrderSummary.None, [new SovLine("1", "Work", 265_000m, 0m, 132_500m, 0m)], RetainageRates.Flat(10m), 0m);
        var document = new PayAppDocument(new JobContract("job-7", "Pine Street Fit-Out", "active", 265_000m, null),
            new PayApp("pa-7-1", "job-7", "1", new DateOnly(2026, 9, 30), 132_500m, 0m, 13_250m, 119_250m, "approved"), null, packet,
            [new TieOutDifference("G703 item 1", "H = C - G", 132_400m, 132_500m)]);

        Assert.Equal(Severity.Warning, PayAppTieOutCheck.For(document).Severity);
    }

    [Fact]
    public async Task Sweep_DemoPayAppsTie_NoTieOutFinding()
    {
        await _cli.OkAsync("demo");

        var findings = await SweepFindingsAsync();

        Assert.DoesNotContain(findings, f => ((string)f["key"]!).StartsWith(KeyPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweep_StoredG702LinesFourFiveAndEightOff_OneFindingWithEachDifference()
    {
        await _cli.OkAsync("demo");
        // DERIVED from the demo's job-102 application 2 (ties: work 275,400 + stored 6,000 = G703 column G 281,400;
        // retainage 10% = 28,140; line 8 = 281,400 - 28,140 - 117,360 = 135,900), stated with line 4 100.00 over,
        // line 5 50.00 over and line 8 100.00 over.
        await FinancialSeed.ExecAsync(_temp.Tenant("demo"), """
            UPDATE project_pay_apps SET work_completed_to_date_cents = 27550000, retainage_held_to_date_cents = 2819000, amount_due_cents = 13600000
            WHERE id = 'pa-102-2'
            """);

        var findings = await SweepFindingsAsync();

        var tieOuts = findings.Where(f => ((string)f["key"]!).StartsWith(KeyPrefix, StringComparison.Ordinal)).ToList();
        var finding = Assert.Single(tieOuts);
        Assert.Equal("financial:pay-app-tie-out:job-102:2", (string?)finding["key"]);
        Assert.Equal("Harbor Point Office TI - Suite 300 pay application 2 does not tie out: G702 line 4, G702 line 8, G702 line 5", (string?)finding["title"]);
        // Line 4: 281,500 stated, 281,400 on the G703. Line 8 against lines 6 and 7: 281,500 - 28,190 - 117,360 = 135,950.
        // Line 5: 28,190 stated, 28,140 at 10%. Line 8 from the schedule of values: 135,900.
        Assert.Equal(["100.00", "50.00", "50.00", "100.00"], Differences(finding));
    }

    [PostgresFact]
    public async Task Sweep_OnPostgres_SameTieOutFindingFromTheBundle()
    {
        // The same DERIVED example as above, imported from a bundle: the check reads the G703 lines and retainage terms
        // through PayAppSheetStore, whose SQL runs on either engine.
        var bundle = Path.Combine(_temp.Root, "bundle");
        Sweeps.IncrementalSweepPropertyTests.CopyFolder(RepoPaths.DemoBundle, bundle);
        var file = Path.Combine(bundle, "project", "pay-apps.csv");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace(
            "pa-102-2,job-102,2,2026-10-31,275400.00,6000.00,28140.00,135900.00", "pa-102-2,job-102,2,2026-10-31,275500.00,6000.00,28190.00,136000.00", StringComparison.Ordinal));
        await using var store = await StoreUnderTest.CreateAsync(StoreOptions.Postgres);
        var tenant = store.Source.For("demo");
        await new BundleImporter(TimeProvider.System).ImportAsync(bundle, tenant, "test", null, CancellationToken.None);

        var result = await new FinancialAgent(new FinancialOptions()).SweepAsync(
            new SweepContext(tenant, new DateOnly(2026, 11, 20), new Progress<string>(), null), CancellationToken.None);

        var finding = Assert.Single(result.Findings, f => f.Key.StartsWith(KeyPrefix, StringComparison.Ordinal));
        Assert.Equal("financial:pay-app-tie-out:job-102:2", finding.Key);
        Assert.Equal(["100.00", "50.00", "50.00", "100.00"], finding.Figures.Where(f => f.Name.EndsWith("_difference", StringComparison.Ordinal)).Select(f => f.Value));
    }

    private static List<string> Differences(JsonObject finding) =>
        [.. finding["figures"]!.AsArray().Where(f => ((string)f!["name"]!).EndsWith("_difference", StringComparison.Ordinal)).Select(f => (string)f!["value"]!)];

    /// <summary>The Financial agent's findings of a full sweep (the SQL edits above are journaled by no writer, issue 18).</summary>
    private async Task<List<JsonObject>> SweepFindingsAsync()
    {
        var outcome = (await _cli.OkAsync("sweep", "--tenant", "demo", "--agent", "financial", "--full", "--json")).Json.AsArray().Single()!;
        return [.. outcome["findings"]!.AsArray().Select(f => f!.AsObject())];
    }
}
