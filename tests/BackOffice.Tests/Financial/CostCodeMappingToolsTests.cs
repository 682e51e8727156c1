using BackOffice.Domain.Ledger;
using BackOffice.Tools.Financial;

namespace BackOffice.Tests.Financial;

public sealed class CostCodeMappingToolsTests
{
    private static readonly LedgerAccount[] Accounts =
    [
        new("acct-5100", "5100", "Subcontractors", "Cost of Goods Sold", true),
        new("acct-6100", "6100", "Utilities", "Expense", true),
        new("acct-5900", "5900", "Old Materials", "Cost of Goods Sold", false),
        new("acct-1100", "1100", "Accounts Receivable", "Accounts Receivable", true),
    ];

    [Theory]
    [InlineData("acct-5100", null)]
    [InlineData("acct-6100", null)]
    [InlineData("acct-5900", "inactive")]
    [InlineData("acct-1100", "not a cost account")]
    [InlineData("acct-9999", "not in the chart of accounts")]
    [InlineData(null, "has no GL account")]
    public void Validate_EachKindOfBadMapping_IsNamed(string? account, string? problem)
    {
        var mapping = account is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["22-000"] = account };
        var problems = CostCodeMappingTools.Validate(["22-000"], mapping, Accounts);
        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problem, Assert.Single(problems).Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_UnusedCodes_AreNotChecked() =>
        Assert.Empty(CostCodeMappingTools.Validate([], new Dictionary<string, string> { ["31-000"] = "acct-1100" }, Accounts));
}
