using BackOffice.Store.Bundle;
using BackOffice.Tests.Support.Postgres;
using Dapper;

namespace BackOffice.Tests.Bundle;

/// <summary>
/// Issue 18: the import checks each file as it streams and reads it again to write what changed; a fresh table's rows
/// are inserted while they are checked. These pin what must not change with that: an error anywhere leaves nothing
/// written, a reference to a row later in the same file resolves, and a file edited between the two reads is refused. The import tests run on both engines (PostgreSQL writes by COPY).
/// </summary>
public sealed class BundleStreamingTests : IDisposable
{
    private readonly BundleTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_FreshTenantErrorInTheLastFile_NothingWritten(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        // contacts.csv is the last file of the schema: every other table was inserted into while it was checked.
        kit.Edit("contacts.csv", "con-01,John Smith,,john.smith@example.com,(555) 010-0142,Owner,cust-10,",
            "con-01,John Smith,,john.smith@example.com,(555) 010-0142,Owner,cust-missing,");

        var error = await kit.ImportFailsAsync();

        var only = Assert.Single(error.Errors);
        Assert.Equal(("contacts.csv", 2, "ledger_customer_id"), (only.File, only.Line, only.Column));
        Assert.Equal(0, await kit.EverythingAsync());
        Assert.Equal(0, await kit.CountAsync("change_journal"));
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_ParentCustomerListedLaterInItsFile_Resolves(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.RemoveLineStartingWith("ledger/customers.csv", "cust-10,");
        kit.Append("ledger/customers.csv", "cust-10,\"Smith, J\",,\"Smith, J\",false,true");

        var summary = await kit.ImportAsync();

        Assert.Equal(File.ReadAllLines(Path.Combine(kit.Bundle, "ledger", "customers.csv")).Length - 1, summary.For("ledger/customers.csv")!.Added);
        Assert.Equal("cust-10", await kit.ScalarAsync<string>("SELECT parent_id FROM ledger_customers WHERE id = 'cust-11'"));
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_ParentCustomerUnknown_NamesTheRowAfterTheFileIsRead(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Edit("ledger/customers.csv", "cust-11,Kitchen Remodel,cust-10,", "cust-11,Kitchen Remodel,cust-99,");

        var error = await kit.ImportFailsAsync();

        var only = Assert.Single(error.Errors);
        Assert.Equal(("ledger/customers.csv", 3, "parent_id"), (only.File, only.Line, only.Column));
        Assert.Contains("expected an id in ledger/customers.csv", only.Message, StringComparison.Ordinal);
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_ReImportOneChangedLine_WritesOnlyThatRow(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        await kit.ImportAsync();
        Redescribe(kit, "bill-5002-3", "re-described");

        var summary = await kit.ImportAsync();

        var counts = summary.For("ledger/bill-lines.csv")!;
        Assert.Equal((0, 1, 0), (counts.Added, counts.Changed, counts.Removed));
        Assert.Equal(1, summary.Changed);
        Assert.Equal("re-described", await kit.ScalarAsync<string>("SELECT description FROM ledger_bill_lines WHERE id = 'bill-5002-3'"));
    }

    /// <summary>
    /// Issue 18: rows are written with an XxHash128 now; rows stored before carry the SHA-256 of the same canonical bytes.
    /// A re-import compares each such row by SHA-256, so it finds them unchanged (nothing written or journaled) and
    /// writes a changed one with an XxHash128.
    /// </summary>
    [Theory]
    [StoreProviders]
    public async Task ImportAsync_RowsStoredWithSha256_ReImportFindsThemUnchanged(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        await kit.ImportAsync();
        var spec = BundleSchema.File("ledger/bill-lines.csv");
        await using (var unit = await kit.Data.OpenUnitAsync(write: true, CancellationToken.None))
        {
            var hasher = new RowHasher(spec);
            await foreach (var row in new CsvRowSource(kit.Bundle, spec, BundleEncoding.Utf8).ReadAsync(new ErrorSink(), null, null, CancellationToken.None))
            {
                await unit.Connection.ExecuteAsync("UPDATE ledger_bill_lines SET row_hash = @hash WHERE id = @id",
                    new { hash = hasher.Of(row, sha256: true).ToHex(), id = (string)row.Values[0]! }, unit.Transaction);
            }

            await unit.CommitAsync(CancellationToken.None);
        }

        var journaled = await kit.CountAsync("change_journal");
        var again = await kit.ImportAsync();
        var journaledAgain = await kit.CountAsync("change_journal");
        Redescribe(kit, "bill-5002-3", "re-described");
        var changed = await kit.ImportAsync();

        Assert.Equal((0, 0, 0), (again.Added, again.Changed, again.Removed));
        Assert.Equal(journaled, journaledAgain);
        var lines = changed.For("ledger/bill-lines.csv")!;
        Assert.Equal((0, 1, 0), (lines.Added, lines.Changed, lines.Removed));
        Assert.Equal(RowHash.ShortHexLength, await kit.ScalarAsync<long>("SELECT LENGTH(row_hash) FROM ledger_bill_lines WHERE id = 'bill-5002-3'"));
        Assert.Equal(RowHash.HexLength, await kit.ScalarAsync<long>("SELECT MIN(LENGTH(row_hash)) FROM ledger_bill_lines WHERE id <> 'bill-5002-3'"));
    }

    private static void Redescribe(BundleTestKit kit, string lineId, string description)
    {
        var path = Path.Combine(kit.Bundle, "ledger", "bill-lines.csv");
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.StartsWith(lineId + ",", StringComparison.Ordinal));
        var fields = lines[index].Split(',');
        fields[Array.IndexOf(lines[0].Split(','), "description")] = description;
        lines[index] = string.Join(',', fields);
        File.WriteAllLines(path, lines);
    }

    [Fact]
    public async Task ChangedSinceChecked_FileEditedAfterItWasRead_SaysSo()
    {
        var spec = BundleSchema.File("project/jobs.csv");
        var source = new CsvRowSource(_kit.Bundle, spec, BundleEncoding.Utf8);
        var rows = 0;
        await foreach (var _ in source.ReadAsync(new ErrorSink(), null, null, CancellationToken.None))
        {
            rows++;
        }

        var before = source.ChangedSinceChecked();
        _kit.Append("project/jobs.csv", "job-999,999,Late Job,active,,,,,");

        Assert.Equal(4, rows);
        Assert.Null(before);
        Assert.Contains("changed while it was being imported", source.ChangedSinceChecked(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    public void Parse_StoredHex_RoundTrips(string hex)
    {
        Assert.Equal(hex, RowHash.Parse(hex)!.Value.ToHex());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    [InlineData("a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    [InlineData("a3bf4f1b2b0b822cd15d6c15b0f00a0é")]
    [InlineData("zz86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    public void Parse_NotAHash_IsNull(string? text)
    {
        Assert.Null(RowHash.Parse(text));
    }
}
