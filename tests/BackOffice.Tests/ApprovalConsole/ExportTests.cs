using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Host.Cli;
using BackOffice.Host.Exports;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Collections;
using BackOffice.Tests.Support;
using ExcelDataReader;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>Issue 17: exports as CSV and XLSX, read back with an independent reader (ExcelDataReader), from code and the CLI.</summary>
public sealed class ExportTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ReportTable Sample => new("A/R aging for acme", ["customer", "dueDate", "open", "percentPaid"],
    [
        new JsonObject { ["id"] = "i-1", ["customer"] = "Smith, J.", ["dueDate"] = "2026-10-01", ["open"] = "12850.55", ["percentPaid"] = "12.50" },
        new JsonObject { ["id"] = "i-2", ["customer"] = "Oak \"Retail\"", ["dueDate"] = "2026-11-15", ["open"] = "-40.00", ["percentPaid"] = "0.00" },
    ]);

    [Fact]
    public void ToCsv_CommasAndQuotes_AreQuotedPerRfc4180()
    {
        var csv = ExportTable.From(Sample).ToCsv();

        Assert.Equal("Customer,Due date,Open,Percent paid\r\n\"Smith, J.\",2026-10-01,12850.55,12.50\r\n\"Oak \"\"Retail\"\"\",2026-11-15,-40.00,0.00\r\n", csv);
    }

    [Fact]
    public void ToXlsx_ReadBack_HasTitlesNumbersAndDates()
    {
        var table = ReadXlsx(ExportTable.From(Sample).ToXlsx());

        Assert.Equal("Customer", table.Rows[0][0]);
        Assert.Equal("Smith, J.", table.Rows[1][0]);
        Assert.Equal(new DateTime(2026, 10, 1), table.Rows[1][1]);
        Assert.Equal(12850.55, Convert.ToDouble(table.Rows[1][2], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(0.125, Convert.ToDouble(table.Rows[1][3], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(-40.0, Convert.ToDouble(table.Rows[2][2], System.Globalization.CultureInfo.InvariantCulture), 6);
    }

    [Fact]
    public async Task ReportCommand_FormatXlsx_WritesTheAgingThatReadsBack()
    {
        var cli = new CliRunner(_temp.Root);
        await cli.OkAsync("demo");
        var file = Path.Combine(_temp.Root, "aging.xlsx");

        await cli.OkAsync("report", "aging", "--format", "xlsx", "--out", file);

        var table = ReadXlsx(await File.ReadAllBytesAsync(file));
        Assert.Equal("Customer", table.Rows[0][1]);
        Assert.Equal("all", table.Rows[^1][2]);
        Assert.Equal(2, (await cli.RunAsync("report", "aging", "--format", "docx", "--out", file)).ExitCode);
    }

    [Fact]
    public async Task Inbox_FormatCsv_ExportsEveryMatchingProposal()
    {
        using var factory = new BackOffice.Tests.Api.ConsoleFactory();
        using var client = await factory.ApiAsync("dana");

        var csv = await client.GetStringAsync("/t/acme/inbox?format=csv&f_risk=Money");
        var refused = await client.GetAsync("/t/acme/inbox?f_state=pending");

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Id,State,Risk,Agent,Title,Amount,Who must approve,Undo,Proposed at", lines[0]);
        Assert.StartsWith("1,proposed,Money,financial,\"Draft bill RP-007 to Rivera Plumbing for $16,560.00\",16560.00,", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("There is no state &#39;pending&#39;", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_UndoOfADeliveredMessage_IsAPlainConflictNotACrash()
    {
        var delivered = new OutboxAlreadyDeliveredException("col-1", OutboxStates.Delivered);

        Assert.Equal(409, ApiExceptionHandler.Classify(delivered)?.Status);
        Assert.Equal(1, ExitCodes.For(delivered));
    }

    internal sealed record Sheet(List<object?[]> Rows);

    internal static Sheet ReadXlsx(byte[] bytes)
    {
        // ExcelDataReader needs the legacy code pages registered, as the pricebook reader does.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes));
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray());
        }

        return new Sheet(rows);
    }
}
