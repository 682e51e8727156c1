using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Documents;
using BackOffice.Tests.Support;
using ExcelDataReader;

namespace BackOffice.Tests.Figures;

/// <summary>
/// The g702/g703 reports and the xlsx/pdf packet over the demo bundle (issue 16). Job job-102 has two pay applications
/// (09-30 and 10-31) at 10% retainage; their stored totals are the figures the G702 must reproduce.
/// </summary>
public sealed class G702ReportTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public G702ReportTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    private async Task<List<JsonObject>> ReportAsync(params string[] args) =>
        (await _cli.OkAsync(["report", .. args, "--tenant", "demo", "--json"])).Json.AsArray().Select(n => n!.AsObject()).ToList();

    private static string? Amount(List<JsonObject> rows, string id) => (string?)rows.Single(r => (string?)r["id"] == id)["amount"];

    [Fact]
    public async Task G702_DemoSecondApplication_ReproducesTheStoredFiguresAndTiesOut()
    {
        await _cli.OkAsync("demo");
        var rows = await ReportAsync("g702", "--job", "job-102", "--period", "2");

        // Stored pa-102-2: work 275,400 + stored 6,000; retainage held 28,140; amount due 135,900. Prior pa-102-1:
        // 130,400 less 13,040 retainage = 117,360 certified.
        Assert.Equal(("612000.00", "281400.00", "27540.00", "600.00"), (Amount(rows, "line-3"), Amount(rows, "line-4"), Amount(rows, "line-5a"), Amount(rows, "line-5b")));
        Assert.Equal(("28140.00", "117360.00", "135900.00", "358740.00"), (Amount(rows, "line-5"), Amount(rows, "line-7"), Amount(rows, "line-8"), Amount(rows, "line-9")));
        Assert.DoesNotContain(rows, r => ((string)r["id"]!).StartsWith("tie-out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task G703_DemoSecondApplication_SplitsPreviousThisPeriodAndStored()
    {
        await _cli.OkAsync("demo");
        var rows = await ReportAsync("g703", "--job", "job-102", "--period", "2");

        var doors = rows.Single(r => (string?)r["id"] == "item-3");
        Assert.Equal(("11600.00", "7000.00", "6000.00", "24600.00", "39.68", "2460.00"),
            ((string?)doors["fromPrevious"], (string?)doors["thisPeriod"], (string?)doors["storedMaterials"], (string?)doors["completedAndStored"], (string?)doors["percent"], (string?)doors["retainage"]));
        var total = rows.Single(r => (string?)r["id"] == "total");
        Assert.Equal(("281400.00", "330600.00", "28140.00"), ((string?)total["completedAndStored"], (string?)total["balanceToFinish"], (string?)total["retainage"]));
    }

    [Fact]
    public async Task G702_StoredPayAppThatDoesNotTie_NamesEachLineAndTheDifference()
    {
        await _cli.OkAsync("demo");
        await ExecuteAsync("UPDATE project_pay_apps SET amount_due_cents = amount_due_cents + 10000, work_completed_to_date_cents = work_completed_to_date_cents + 50 WHERE id = 'pa-102-2'");

        var rows = await ReportAsync("g702", "--job", "job-102", "--period", "2");

        var off = rows.Where(r => ((string)r["id"]!).StartsWith("tie-out", StringComparison.Ordinal)).ToList();
        Assert.Contains(off, r => ((string)r["caption"]!).StartsWith("G702 line 4", StringComparison.Ordinal) && (string?)r["difference"] == "0.50");
        Assert.Contains(off, r => (string?)r["caption"] == "G702 line 8: current payment due computed from the schedule of values" && (string?)r["difference"] == "100.00");
    }

    [Fact]
    public async Task G702_NoRetainagePercentStated_FailsNamingTheColumns()
    {
        await _cli.OkAsync("demo");
        await ExecuteAsync("UPDATE project_jobs SET retainage_bp = NULL WHERE id = 'job-102'");

        var result = await _cli.RunAsync("report", "g702", "--tenant", "demo", "--job", "job-102");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("retainage_percent", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("g702", "--period", "9", "has no pay application 9")]
    [InlineData("g702", "--period", "1", "needs --job")]
    public async Task G702_BadRequest_ExitsTwoWithTheReason(string report, string option, string value, string expected)
    {
        await _cli.OkAsync("demo");
        string[] args = expected == "needs --job" ? ["report", report, "--tenant", "demo", option, value] : ["report", report, "--tenant", "demo", "--job", "job-102", option, value];

        var result = await _cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task G702_XlsxPacket_HoldsTheG702LinesAndTheG703Sheet()
    {
        await _cli.OkAsync("demo");
        var file = Path.Combine(_temp.Root, "g702.xlsx");
        await _cli.OkAsync("report", "g702", "--tenant", "demo", "--job", "job-102", "--period", "2", "--format", "xlsx", "--out", file);

        var sheets = ReadWorkbook(file);
        Assert.Equal(["G702", "G703"], sheets.Keys);
        var due = sheets["G702"].Single(r => r.Length > 1 && r[1] as string == "CURRENT PAYMENT DUE");
        Assert.Equal(135_900m, Convert.ToDecimal(due[2], CultureInfo.InvariantCulture));
        var total = sheets["G703"].Single(r => r.Length > 1 && r[1] as string == "GRAND TOTAL");
        Assert.Equal(28_140m, Convert.ToDecimal(total[9], CultureInfo.InvariantCulture));
    }

    /// <summary>Every sheet's rows as cell values, read back with ExcelDataReader (an independent reader).</summary>
    private static Dictionary<string, List<object?[]>> ReadWorkbook(string file)
    {
        using var stream = File.OpenRead(file);
        // ExcelDataReader's configuration asks for code page 1252 even for xlsx; the store's price-file reader registers it the same way.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)]);
            }

            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }

    [Fact]
    public async Task G702_PdfPacket_PrintsTheFormCaptionsAndFigures()
    {
        await _cli.OkAsync("demo");
        var file = Path.Combine(_temp.Root, "g702.pdf");
        await _cli.OkAsync("report", "g702", "--tenant", "demo", "--job", "job-102", "--period", "2", "--format", "pdf", "--out", file);

        var text = (await new PdfText().ReadAsync(file, CancellationToken.None)).Text ?? "";
        Assert.Contains("APPLICATION AND CERTIFICATE FOR PAYMENT", text, StringComparison.Ordinal);
        Assert.Contains("CONTINUATION SHEET", text, StringComparison.Ordinal);
        Assert.Contains("$ 135,900.00", text, StringComparison.Ordinal);
        Assert.Contains("GRAND TOTAL", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task G703_FormatOnAReportWithoutFiles_ExitsWithTheReportsThatWriteFiles()
    {
        await _cli.OkAsync("demo");

        var result = await _cli.RunAsync("report", "g703", "--tenant", "demo", "--job", "job-102", "--format", "pdf", "--out", Path.Combine(_temp.Root, "x.pdf"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("g702", result.Error, StringComparison.Ordinal);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _temp.Tenant("demo").OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The earned-value report over the demo bundle (issue 16).</summary>
public sealed class EarnedValueReportTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task EarnedValue_DemoJob_ShowsEveryEacMethodLabelled()
    {
        var cli = new CliRunner(_temp.Root);
        await cli.OkAsync("demo");

        var rows = (await cli.OkAsync("report", "earned-value", "--tenant", "demo", "--job", "job-101", "--as-of", "2026-11-15", "--json")).Json.AsArray().Select(n => n!.AsObject()).ToList();

        // BAC is the revised budget of job-101 (127,850.00 in the demo bundle); AC is the ledger cost WIP uses (16,000.00).
        Assert.Equal("127850.00", (string?)rows.Single(r => (string?)r["measure"] == "BAC")["value"]);
        Assert.Equal("16000.00", (string?)rows.Single(r => (string?)r["measure"] == "AC")["value"]);
        Assert.Equal(["AC + bottom-up ETC", "BAC / CPI", "AC + (BAC - EV)", "AC + (BAC - EV) / (CPI x SPI)", "PM forecast"],
            rows.Where(r => (string?)r["measure"] == "EAC").Select(r => (string?)r["label"]));
    }
}

/// <summary>The labor-burden report over the demo bundle with the shipped 2026 federal components (issue 16).</summary>
public sealed class LaborBurdenReportTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task LaborBurden_DemoCarpenter_ChargesTheFederalComponents()
    {
        var cli = new CliRunner(_temp.Root);
        await cli.OkAsync("demo");

        var rows = (await cli.OkAsync("report", "labor-burden", "--tenant", "demo", "--json")).Json.AsArray().Select(n => n!.AsObject()).ToList();

        // DERIVED: $42.50 x 2,080 = 88,400.00; SS 6.2% = 5,480.80; Medicare 1.45% = 1,281.80; FUTA 0.6% of 7,000 = 42.00.
        var luis = rows.Single(r => (string?)r["id"] == "emp-1");
        Assert.Equal(("88400.00", "6804.60", "45.77"), ((string?)luis["wages"], (string?)luis["burden"], (string?)luis["perPaidHour"]));
        Assert.Equal("Social Security 5480.80; Medicare 1281.80; FUTA 42.00", (string?)luis["components"]);
    }
}

/// <summary>The retainage report over the demo bundle (issue 16).</summary>
public sealed class RetainageReportTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Retainage_DemoJob102_AgesEachPayAppsRetainageByItsPeriodEnd()
    {
        var cli = new CliRunner(_temp.Root);
        await cli.OkAsync("demo");

        var rows = (await cli.OkAsync("report", "retainage", "--tenant", "demo", "--job", "job-102", "--as-of", "2026-11-20", "--json")).Json.AsArray().Select(n => n!.AsObject()).ToList();

        // pa-102-1 held 13,040.00 at 2026-09-30 (51 days: 31-60); pa-102-2 raised it to 28,140.00 at 2026-10-31 (+15,100.00, 20 days).
        var owner = rows.Single(r => (string?)r["side"] == "receivable");
        Assert.Equal(("28140.00", "15100.00", "13040.00"), ((string?)owner["balance"], (string?)owner["days0to30"], (string?)owner["days31to60"]));
        Assert.Equal("Harbor Point Partners LLC", (string?)owner["party"]);
        Assert.Contains(rows, r => (string?)r["side"] == "payable" && (string?)r["commitment"] == "SC-102-02");
    }
}
