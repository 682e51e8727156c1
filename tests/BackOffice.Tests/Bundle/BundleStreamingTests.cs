using BackOffice.Store.Bundle;
using BackOffice.Tests.Support.Postgres;

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
        var path = Path.Combine(kit.Bundle, "ledger", "bill-lines.csv");
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.StartsWith("bill-5002-3,", StringComparison.Ordinal));
        var fields = lines[index].Split(',');
        var description = Array.IndexOf(lines[0].Split(','), "description");
        fields[description] = "re-described";
        lines[index] = string.Join(',', fields);
        File.WriteAllLines(path, lines);

        var summary = await kit.ImportAsync();

        var counts = summary.For("ledger/bill-lines.csv")!;
        Assert.Equal((0, 1, 0), (counts.Added, counts.Changed, counts.Removed));
        Assert.Equal(1, summary.Changed);
        Assert.Equal("re-described", await kit.ScalarAsync<string>("SELECT description FROM ledger_bill_lines WHERE id = 'bill-5002-3'"));
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
    public void Parse_StoredHex_RoundTrips(string hex)
    {
        Assert.Equal(hex, RowHash.Parse(hex)!.Value.ToHex());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    [InlineData("zz86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    public void Parse_NotAHash_IsNull(string? text)
    {
        Assert.Null(RowHash.Parse(text));
    }
}
