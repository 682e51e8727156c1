using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Narration;

namespace BackOffice.Tests.Narration;

public sealed class NumericFirewallTests
{
    // The figures of the Financial agent's sub-invoice finding in tests/Agents (RP-007: $18,400.00 gross, 10% retainage).
    private static readonly Figure[] Figures =
    [
        Figure.Usd("gross", 18400.00m, "t"),
        Figure.Usd("retainage", 1840.00m, "t"),
        Figure.Percent("retainage_percent", 10m, "t"),
        Figure.Usd("net_payable", 16560.00m, "t"),
        Figure.Date("invoice_date", new DateOnly(2026, 11, 3), "t"),
        Figure.Count("lines", 2, "t"),
    ];

    private const string Facts = "Approved sub invoice RP-007 (Rivera Plumbing LLC) has no bill. Commitment SC-003, job 2026-014, cost code 22-000.";

    [Theory]
    [InlineData("Invoice RP-007 for $18,400.00 has no bill; $1,840.00 retainage (10%) is held, so the bill is for $16,560.00.")]
    [InlineData("Gross 18400, retainage 1,840, net payable $16,560.")]
    [InlineData("The bill would be $16.56k after holding 10 percent ($1.84k).")]
    [InlineData("USD 18400.00 was approved on 2026-11-03.")]
    [InlineData("It was approved November 3, 2026 (11/3/2026, 3 Nov 2026, Nov 3rd).")]
    [InlineData("Commitment SC-003 on job 2026-014, cost code 22-000, has 2 lines approved in 2026.")]
    [InlineData("A credit of -$1,840.00 moves the retainage to Retainage Payable.")]
    [InlineData("No numbers at all, just words like three and ten.")]
    public void Check_NarrativeUsingOnlyComputedFigures_Passes(string narrative)
    {
        var verdict = NumericFirewall.Check(narrative, Figures, Facts);
        Assert.True(verdict.Passed, string.Join("; ", verdict.Violations));
    }

    [Theory]
    [InlineData("Invoice RP-007 is for $18,500.00.", "18,500.00")] // altered
    [InlineData("Invoice RP-007 is for about $18k.", "18k")] // rounded
    [InlineData("Retainage is 10.5% of the invoice.", "10.5%")] // altered percent
    [InlineData("Net payable is $16,560.00, due 2026-12-03.", "2026-12-03")] // invented date
    [InlineData("Approved on November 4, 2026.", "November 4, 2026")] // altered date
    [InlineData("The vendor has 3 other open invoices.", "3")] // invented count
    [InlineData("Gross $18,400.00 plus a $250 fee.", "$250")] // invented amount
    [InlineData("Retainage of 10% is $1,840.01.", "1,840.01")] // off by a cent
    [InlineData("This is invoice RP-008.", "RP-008")] // invented identifier
    [InlineData("Retainage is 1840%.", "1840%")] // an amount passed off as a percent
    [InlineData("The bill is $10.", "$10")] // a percent passed off as an amount
    public void Check_NarrativeThatInventsRoundsOrAltersAFigure_FailsNamingIt(string narrative, string offending)
    {
        var verdict = NumericFirewall.Check(narrative, Figures, Facts);
        Assert.False(verdict.Passed);
        Assert.Contains(verdict.Violations, v => v.Contains(offending, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_FigureWithCents_RejectsTheWholeDollarRounding()
    {
        Figure[] figures = [Figure.Usd("gross", 12345.67m, "t")];
        Assert.True(NumericFirewall.Check("$12,345.67", figures, "").Passed);
        Assert.False(NumericFirewall.Check("$12,346", figures, "").Passed);
        Assert.False(NumericFirewall.Check("$12.3k", figures, "").Passed);
    }

    [Theory]
    [InlineData("$12,500.00")]
    [InlineData("12500")]
    [InlineData("12,500")]
    [InlineData("12.5k")]
    [InlineData("$12.5K")]
    [InlineData("12.5 thousand")]
    [InlineData("$0.0125M")]
    public void Check_AcceptedFormatsOfOneAmount_AllPass(string written)
    {
        Assert.True(NumericFirewall.Check($"The amount is {written}.", [Figure.Usd("a", 12500m, "t")], "").Passed);
    }
}
