using BackOffice.Agents.Financial;
using BackOffice.Domain.Financial;
using BackOffice.Tools.Financial;
using Microsoft.Extensions.Configuration;

namespace BackOffice.Tests.Figures;

/// <summary>The configured WIP loss presentation and the company's SG&amp;A and net income (issue 16), against /work/notes/figures.md.</summary>
public sealed class WipPresentationToolsTests
{
    private static readonly WipPresentation Netted = new(WipLossRecognition.FullLoss, WipProvisionPresentation.NettedInOverUnderBilling);
    private static readonly WipPresentation Share = new(WipLossRecognition.PercentCompleteShare, WipProvisionPresentation.Separate);

    private static WipPeriodFigures ToDate(decimal contract, decimal costToDate, decimal costToComplete, decimal billed) =>
        WipPeriodTools.ToDate(WipTools.Compute(new WipInput("job", contract, costToDate + costToComplete, costToDate, billed)));

    // Kieso Problem 18-11 "Nash Construction": inputs PUBLISHED (studyzin.com); results DERIVED in figures.md 4(e).
    private static readonly WipPeriodLine Nash2018 = WipPeriodTools.Period(
        ToDate(1_890_000m, 1_148_400m, 831_600m, 1_090_000m), ToDate(1_890_000m, 312_900m, 1_177_100m, 300_000m));

    [Fact]
    public void Present_NashSecondYearDefault_FullLossWithTheProvisionInItsOwnColumn()
    {
        // DERIVED (figures.md 4(e)): loss 90,000 at once, provision 37,800; billed 1,090,000 less earned 1,096,200 = under 6,200;
        // 2017 was under billed 96,900, so the position moved by 90,700. Comparison: the 58% share, -52,200 and -136,200.
        var shown = WipPresentationTools.Present(Nash2018, WipPresentation.Default);

        Assert.Equal((-90_000m, -174_000m, 37_800m), (shown.GrossProfitToDate, shown.PeriodGrossProfit, shown.LossProvision));
        Assert.Equal((-6_200m, 90_700m), (shown.OverUnderBilling, shown.OverUnderBillingChange));
        Assert.Equal((-52_200m, -136_200m), (shown.OtherGrossProfitToDate, shown.OtherPeriodGrossProfit));
    }

    [Fact]
    public void Present_NashSecondYearNetted_ProvisionMovesIntoOverUnderBilling()
    {
        // DERIVED: under billed 6,200 plus the 37,800 provision (a liability) = over billed 31,600; moved 31,600 + 96,900 = 128,500.
        var shown = WipPresentationTools.Present(Nash2018, Netted);

        Assert.Equal((-90_000m, 0m), (shown.GrossProfitToDate, shown.LossProvision));
        Assert.Equal((31_600m, 128_500m), (shown.OverUnderBilling, shown.OverUnderBillingChange));
    }

    [Fact]
    public void Present_SuncoastNettedWithoutBillings_UnderBillingIsThePublishedConstructionInProcess()
    {
        // PUBLISHED (Suncoast, indextestingapp.uonbi.ac.ke/preguntia/13370414): cost 380,000; entry Cr construction in process
        // 50,000, so construction in process = 330,000; with nothing billed that is the netted under billing.
        var line = WipPeriodTools.Period(ToDate(900_000m, 380_000m, 570_000m, 0m), null);

        var netted = WipPresentationTools.Present(line, Netted);
        var separate = WipPresentationTools.Present(line, WipPresentation.Default);

        Assert.Equal(-330_000m, netted.OverUnderBilling);
        Assert.Equal((-360_000m, 30_000m), (separate.OverUnderBilling, separate.LossProvision));
    }

    [Fact]
    public void Present_NashSecondYearShare_ChosenShareWithFullLossForComparisonAndNoProvision()
    {
        var shown = WipPresentationTools.Present(Nash2018, Share);

        Assert.Equal((-52_200m, -136_200m, 0m), (shown.GrossProfitToDate, shown.PeriodGrossProfit, shown.LossProvision));
        Assert.Equal((-90_000m, -174_000m), (shown.OtherGrossProfitToDate, shown.OtherPeriodGrossProfit));
        Assert.Equal(-6_200m, shown.OverUnderBilling);
    }

    [Theory]
    // SEC EDGAR CIK 874238, ex99_1 of filing 0000874238-09-000007 (in $ thousands). PUBLISHED: revenues, cost of revenues,
    // gross profit, general and administrative expenses. GP less G&A is DERIVED; the filing's operating income (28,128 and
    // 5,846) also carries "other income (expense), net" (-81 and -40), which this figure leaves out.
    [InlineData(415_074, 373_102, 41_972, 13_763, 28_209)] // twelve months 2008
    [InlineData(109_272, 99_713, 9_559, 3_673, 5_886)] // fourth quarter 2008
    public void Income_PublishedStatement_GrossProfitLessGeneralAndAdministrative(int revenue, int cost, int grossProfit, int sga, int expected)
    {
        Assert.Equal(grossProfit, revenue - cost);

        var income = WipPresentationTools.Income(grossProfit, sga);

        Assert.Equal((grossProfit, sga, expected), ((int)income.GrossProfit, (int)income.SellingGeneralAndAdministrative, (int)income.NetIncome));
    }

    private static readonly Dictionary<string, string> Types = new()
    {
        ["utilities"] = "Expense", ["office"] = "Expense", ["labor"] = "Cost of Goods Sold", ["interest"] = "Other Expense",
    };

    [Theory]
    // DERIVED: at start utilities 100 (no job); at end utilities 350 (no job) + 40 on a job, office 60, labor 900, interest 25.
    [InlineData(new string[0], 310.0)] // Expense on no job: (350 - 100) + 60
    [InlineData(new[] { "utilities" }, 290.0)] // configured: every posting on it, job or not: 350 + 40 - 100
    [InlineData(new[] { "interest", "office" }, 85.0)]
    public void SellingGeneralAndAdministrative_DefaultOrConfiguredAccounts_SumsThePeriod(string[] configured, double expected)
    {
        CostTotal[] atStart = [new(null, null, "utilities", 100m)];
        CostTotal[] atEnd =
        [
            new(null, null, "utilities", 350m), new("job-1", "01-100", "utilities", 40m), new(null, null, "office", 60m),
            new("job-1", "01-100", "labor", 900m), new(null, null, "interest", 25m),
        ];

        var sga = WipPresentationTools.SellingGeneralAndAdministrative(atEnd, atStart, Types, configured);

        Assert.Equal((decimal)expected, sga);
    }

    [Theory]
    [InlineData("NettedInOverUnderBilling", "FullLoss", true)]
    [InlineData("Separate", "PercentCompleteShare", true)]
    [InlineData("7", "FullLoss", false)]
    public void FinancialOptions_BoundPresentation_IsValidOnlyForANamedChoice(string provision, string recognition, bool valid)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{FinancialOptions.SectionName}:LossProvision"] = provision,
            [$"{FinancialOptions.SectionName}:LossRecognition"] = recognition,
        }).Build();
        var options = new FinancialOptions();

        configuration.GetSection(FinancialOptions.SectionName).Bind(options);

        Assert.Equal(valid, options.Valid);
    }
}
