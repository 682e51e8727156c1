using BackOffice.Tools.Retainage;

namespace BackOffice.Tests.Figures;

/// <summary>Retainage arithmetic, schedules, entries and balances (issue 16) against /work/notes/figures.md section 2.</summary>
public sealed class RetainageToolsTests
{
    [Theory]
    // PUBLISHED: JD Edwards "Retainage Calculations" (Oracle docs): 3,000.00 x 15% = 450.00; 78.00 x 10% = 7.80;
    // 275.00 x 10% = 27.50; 455.00 x 10% = 45.50; 750.00 x 10% = 75.00; change-order line 100.00 x 5% = 5.00.
    [InlineData(3_000.00, 15, 450.00)]
    [InlineData(78.00, 10, 7.80)]
    [InlineData(275.00, 10, 27.50)]
    [InlineData(455.00, 10, 45.50)]
    [InlineData(750.00, 10, 75.00)]
    [InlineData(100.00, 5, 5.00)]
    // PUBLISHED: MYOB Advanced "Examples of Processing Invoices with Retainage": 50,000 at 20% = 10,000.
    [InlineData(50_000.00, 20, 10_000.00)]
    // PUBLISHED: Caltrans voucher 04-253794 #19: 5% of 654,482.90 = 32,724.15 (32,724.145, half a cent rounds up).
    [InlineData(654_482.90, 5, 32_724.15)]
    public void Withhold_PublishedLines_MatchToTheCent(double amount, double percent, double expected) =>
        Assert.Equal((decimal)expected, RetainageTools.Withhold((decimal)amount, (decimal)percent));

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Withhold_PercentOutsideZeroToHundred_Throws(double percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetainageTools.Withhold(100m, (decimal)percent));

    [Fact]
    public void PercentFor_InvoiceOverride_WinsOverContractDefault()
    {
        Assert.Equal(5m, RetainageTools.PercentFor(10m, 5m));
        Assert.Equal(10m, RetainageTools.PercentFor(10m, null));
    }

    [Fact]
    public void UnderSchedule_TenToFivePercentAtHalfByBand_KeepsWhatWasHeld()
    {
        // DERIVED (figures.md 1.3(f) variant A; the 10%-to-5%-at-50% rule is Fla. Stat. 218.735 before Oct 2020):
        // contract 110,000; 35,000 done before; 72,000 to date: 10% x 55,000 + 5% x 17,000 = 6,350; 3,500 held before.
        var schedule = new RetainageSchedule([new(50m, 10m), new(null, 5m)], RetainageReading.ByBand);

        var result = RetainageTools.UnderSchedule(110_000m, 35_000m, 72_000m, schedule);

        Assert.Equal((6_350m, 3_500m, 2_850m), (result.HeldToDate, result.HeldBefore, result.ThisPeriod));
    }

    [Fact]
    public void UnderSchedule_TenToFivePercentAtHalfOnWhole_ReleasesTheExcess()
    {
        // DERIVED (figures.md 1.3(f) variant B): 5% of all 72,000 once past 50% = 3,600.
        var schedule = new RetainageSchedule([new(50m, 10m), new(null, 5m)], RetainageReading.OnWholeToDate);

        Assert.Equal(3_600m, RetainageTools.UnderSchedule(110_000m, 35_000m, 72_000m, schedule).HeldToDate);
    }

    [Fact]
    public void UnderSchedule_ViewpointReductionToFivePercentAtCompletion_ReleasesFourThousand()
    {
        // PUBLISHED: Viewpoint Spectrum "Billing Retention Using Draw Request": 100,000 contract, 10% retention;
        // 90,000 complete holds 9,000; at 100% retention is overridden to 5% (5,000), releasing 4,000.
        var schedule = new RetainageSchedule([new(100m, 10m), new(null, 5m)], RetainageReading.OnWholeToDate);

        var result = RetainageTools.UnderSchedule(100_000m, 90_000m, 100_000m, schedule);

        Assert.Equal((9_000m, 5_000m, -4_000m), (result.HeldBefore, result.HeldToDate, result.ThisPeriod));
    }

    [Theory]
    // PUBLISHED: JD Edwards, retainage capped at a completion percent: SOV x retainage completion x rate =
    // 12,000.00 x 0.30 x 0.10 = 360.00 and 17,000.00 x 0.30 x 0.10 = 510.00, with 7,200 completed;
    // allocated pro rata to lines of 1,200 and 6,000: 60.00/300.00 and 85.00/425.00.
    [InlineData(12_000, 360, 60, 300)]
    [InlineData(17_000, 510, 85, 425)]
    public void UnderSchedule_JdeCompletionCap_HoldsTheCapAndAllocatesProRata(int sov, int cap, int first, int second)
    {
        var schedule = new RetainageSchedule([new(30m, 10m), new(null, 0m)], RetainageReading.ByBand);

        var held = RetainageTools.UnderSchedule(sov, 0m, 7_200m, schedule).HeldToDate;

        Assert.Equal(cap, held);
        Assert.Equal([first, second], RetainageTools.Allocate(held, [1_200m, 6_000m]));
    }

    [Fact]
    public void Allocate_ThirdsOfTenDollars_LosesNoCent() =>
        Assert.Equal([3.34m, 3.33m, 3.33m], RetainageTools.Allocate(10m, [1m, 1m, 1m]));

    [Fact]
    public void UnderSchedule_TiersOutOfOrder_Throws() =>
        Assert.Throws<ArgumentException>(() => RetainageTools.UnderSchedule(1m, 0m, 1m,
            new RetainageSchedule([new(50m, 10m), new(40m, 5m), new(null, 0m)], RetainageReading.ByBand)));

    [Fact]
    public void OwnerBilling_ViewpointDrawRequests_BookTheThreePublishedEntries()
    {
        // PUBLISHED: Viewpoint Spectrum "Billing Retention Using Draw Request" (sides read so each entry balances).
        Assert.Equal([new(RetainageEntries.ArTrade, 81_000m, 0m), new(RetainageEntries.ArRetainage, 9_000m, 0m), new(RetainageEntries.Revenue, 0m, 90_000m)],
            RetainageEntries.OwnerBilling(90_000m, 9_000m, 0m));
        Assert.Equal([new(RetainageEntries.ArTrade, 14_000m, 0m), new(RetainageEntries.ArRetainage, 0m, 4_000m), new(RetainageEntries.Revenue, 0m, 10_000m)],
            RetainageEntries.OwnerBilling(10_000m, -4_000m, 9_000m));
        Assert.Equal([new(RetainageEntries.ArTrade, 5_000m, 0m), new(RetainageEntries.ArRetainage, 0m, 5_000m)],
            RetainageEntries.OwnerBilling(0m, -5_000m, 5_000m));
    }

    [Fact]
    public void SubcontractorBill_ViewpointRetentionBillings_BookThePublishedEntries()
    {
        // PUBLISHED: Viewpoint Spectrum "Retention Billings From Subcontractors": 10,000 subcontract at 10%.
        Assert.Equal([new(RetainageEntries.DirectCost, 7_000m, 0m), new(RetainageEntries.ApRetainage, 0m, 700m), new(RetainageEntries.ApSubcontractor, 0m, 6_300m)],
            RetainageEntries.SubcontractorBill(7_000m, 700m, 0m));
        Assert.Equal([new(RetainageEntries.DirectCost, 3_000m, 0m), new(RetainageEntries.ApRetainage, 350m, 0m), new(RetainageEntries.ApSubcontractor, 0m, 3_350m)],
            RetainageEntries.SubcontractorBill(3_000m, -350m, 700m));
        // PUBLISHED: MYOB Advanced AP retainage release: Dr Retainage Payable 10,000 / Cr A/P 10,000.
        Assert.Equal([new(RetainageEntries.ApRetainage, 10_000m, 0m), new(RetainageEntries.ApSubcontractor, 0m, 10_000m)],
            RetainageEntries.SubcontractorBill(0m, -10_000m, 10_000m));
    }

    [Fact]
    public void SubcontractorBill_ReleaseBeyondHeld_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetainageEntries.SubcontractorBill(0m, -800m, 700m));

    [Fact]
    public void Summarize_ReleaseTakesTheOldestFirst_AgesWhatRemains()
    {
        var asOf = new DateOnly(2026, 11, 30);
        RetainageMovement[] movements =
        [
            new("payable", "job-1", "Rivera Plumbing", "cmt-1", new DateOnly(2026, 7, 31), 700m),
            new("payable", "job-1", "Rivera Plumbing", "cmt-1", new DateOnly(2026, 10, 31), 300m),
            new("payable", "job-1", "Rivera Plumbing", "cmt-1", new DateOnly(2026, 11, 15), -350m),
            new("receivable", "job-1", "Owner", null, new DateOnly(2026, 11, 20), 9_000m),
        ];

        var balances = RetainageBalances.Summarize(movements, asOf, [30, 60, 90]);

        var payable = balances.Single(b => b.Side == "payable");
        // 350 released from the July 700 leaves 350 aged 122 days (over 90) and October's 300 aged 30 days.
        Assert.Equal(650m, payable.Balance);
        Assert.Equal([300m, 0m, 0m, 350m], payable.Buckets);
        Assert.Equal(9_000m, balances.Single(b => b.Side == "receivable").Buckets[0]);
    }
}
