using BackOffice.Host.ApprovalConsole;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: one job identifier everywhere. The demo's reports name job-102 as "job-102" (reconciliation, retainage),
/// "2026-102" (documents), "Harbor Point Office TI - Suite 300" (wip, margin) or the ledger customer
/// "Harbor Point Partners LLC:Suite 300 TI" (aging); the console shows each as "2026-102 Harbor Point Office TI - Suite 300".
/// </summary>
public sealed class JobIdentifierTests : IDisposable
{
    private const string HarborPoint = "2026-102 Harbor Point Office TI - Suite 300";
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("job-102", HarborPoint)]
    [InlineData("2026-102", HarborPoint)]
    [InlineData("Harbor Point Office TI - Suite 300", HarborPoint)]
    [InlineData("Harbor Point Partners LLC:Suite 300 TI", HarborPoint)]
    [InlineData("cust-21", HarborPoint)]
    [InlineData("job-101, 2026-102", "2026-101 Smith Residence - Kitchen, " + HarborPoint)]
    [InlineData("Okafor, Daniel:Lakeview Custom Home", "2026-103 Lakeview Custom Home")]
    [InlineData("No Such Job", "No Such Job")]
    public async Task Jobs_AnyIdentifierAReportUses_NumberAndName(string cell, string shown)
    {
        await new CliRunner(_temp.Root).OkAsync("demo");

        var names = await NameBook.LoadAsync(_temp.Tenant("demo"), CancellationToken.None);

        Assert.Equal(shown, names.Jobs(cell));
    }

    [Fact]
    public async Task Names_CustomerOutsideAJobColumn_StaysTheCustomer()
    {
        await new CliRunner(_temp.Root).OkAsync("demo");

        var names = await NameBook.LoadAsync(_temp.Tenant("demo"), CancellationToken.None);

        Assert.Equal("Harbor Point Partners LLC:Suite 300 TI", names.Name("cust-21"));
    }
}
