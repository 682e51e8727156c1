namespace BackOffice.Tests.Exports;

/// <summary>
/// A corrected Transaction Detail report imported again (issue 14): the lines of each bill, invoice or journal entry the
/// report carries are replaced, so a line the correction dropped is deleted and journaled; a document the report does
/// not carry keeps its lines. The report is samples/exports/quickbooks/transaction-detail.csv with rows taken out.
/// </summary>
public sealed class TransactionDetailReimportTests : IDisposable
{
    private const string SlabLine = ",10/01/2026,Bill,BC-2291,Bayside Concrete Co,Slab on grade,";

    private readonly ExportImportKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task ImportAsync_CorrectedReportWithOneLineRemoved_DeletesTheLineAndJournalsItsJob()
    {
        await _kit.DemoAsync();
        await _kit.ImportAsync("quickbooks", ExportImportKit.Samples("quickbooks"));
        var before = await _kit.ScalarAsync<long>("SELECT MAX(seq) FROM change_journal");

        var again = await _kit.ImportAsync("quickbooks", CorrectedSamples(line => !line.StartsWith(SlabLine, StringComparison.Ordinal)));

        // Bill BC-2291 keeps its $10,000.00 footings line; the $3,980.00 slab line is gone.
        Assert.Equal(["qbo-bill-bayside-concrete-co-bc-2291-1"], await LinesAsync("qbo-bill-bayside-concrete-co-bc-2291"));
        Assert.Equal(1, again.Summary!.Files.Single(f => f.File == "ledger/bill-lines.csv").Removed);
        var journaled = await JournalSinceAsync(before);
        Assert.Contains("customer qbo-customer-nguyen-t-garage-addition", journaled);
        Assert.Contains("ledger_bills qbo-bill-bayside-concrete-co-bc-2291", journaled);
    }

    [Fact]
    public async Task ImportAsync_IdenticalReportAgain_RemovesAndJournalsNothing()
    {
        await _kit.DemoAsync();
        await _kit.ImportAsync("quickbooks", ExportImportKit.Samples("quickbooks"));
        var before = await _kit.ScalarAsync<long>("SELECT MAX(seq) FROM change_journal");

        var again = await _kit.ImportAsync("quickbooks", CorrectedSamples(_ => true));

        Assert.Equal(0, again.Summary!.Files.Sum(f => f.Added + f.Changed + f.Removed));
        Assert.Empty(await JournalSinceAsync(before));
    }

    [Fact]
    public async Task ImportAsync_ReportWithoutTheDocument_KeepsItsLines()
    {
        await _kit.DemoAsync();
        await _kit.ImportAsync("quickbooks", ExportImportKit.Samples("quickbooks"));

        // A report of Job Labor and Payroll Liabilities carries JE-1031 only: the bills' lines stay.
        await _kit.ImportAsync("quickbooks", _kit.Write("td.csv", TransactionDetailImportTests.Header +
            "Job Labor,,,,,,,,,,\n,10/31/2026,Journal Entry,JE-1031,,Labor burden October,,Kitchen Remodel,Payroll Liabilities,\"1,250.00\",\"1,250.00\"\n" +
            "Total for Job Labor,,,,,,,,,\"$1,250.00\",\nPayroll Liabilities,,,,,,,,,,\n" +
            ",10/31/2026,Journal Entry,JE-1031,,Labor burden October,,,Job Labor,\"1,250.00\",\"1,250.00\"\n"));

        Assert.Equal(2, (await LinesAsync("qbo-bill-bayside-concrete-co-bc-2291")).Count);
    }

    /// <summary>The QuickBooks samples in a folder of their own, the Transaction Detail report with only the lines kept.</summary>
    private string CorrectedSamples(Func<string, bool> keep)
    {
        var folder = Path.Combine(_kit.Folder, "corrected");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(ExportImportKit.Samples("quickbooks")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllLines(Path.Combine(folder, "transaction-detail.csv"), SampleLines().Where(keep));
        return folder;
    }

    private static string[] SampleLines() => File.ReadAllLines(Path.Combine(ExportImportKit.Samples("quickbooks"), "transaction-detail.csv"));

    private async Task<List<string>> LinesAsync(string bill) =>
        [.. (await _kit.ScalarAsync<string>($"SELECT group_concat(id, '|') FROM (SELECT id FROM ledger_bill_lines WHERE bill_id = '{bill}' ORDER BY id)"))!.Split('|')];

    private async Task<List<string>> JournalSinceAsync(long seq) =>
        [.. ((await _kit.ScalarAsync<string>($"SELECT group_concat(kind || ' ' || entity_key, '|') FROM change_journal WHERE seq > {seq}")) ?? "")
            .Split('|', StringSplitOptions.RemoveEmptyEntries)];
}
