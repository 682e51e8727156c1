using Microsoft.Extensions.Configuration;

namespace BackOffice.Tests.Figures;

/// <summary>An "unlimited" amount tolerance and empty tolerance settings (issue 16: an empty setting used to stop every command).</summary>
public sealed class ToleranceSettingsTests
{
    [Theory]
    // amount, percent, basis -> the allowance on an expected 10,000.00 (null: unlimited)
    [InlineData(50.0, 2.0, BackOffice.Tools.Matching.ToleranceBasis.WhicheverIsLess, 50.0)]
    [InlineData(null, 2.0, BackOffice.Tools.Matching.ToleranceBasis.WhicheverIsLess, 200.0)]
    [InlineData(50.0, null, BackOffice.Tools.Matching.ToleranceBasis.WhicheverIsLess, 50.0)]
    [InlineData(null, 2.0, BackOffice.Tools.Matching.ToleranceBasis.WhicheverIsGreater, null)]
    [InlineData(null, null, BackOffice.Tools.Matching.ToleranceBasis.WhicheverIsLess, null)]
    [InlineData(50.0, 2.0, BackOffice.Tools.Matching.ToleranceBasis.Unlimited, null)]
    public void FromSettings_EmptyParts_MeanNoLimitOfThatKind(double? amount, double? percent, BackOffice.Tools.Matching.ToleranceBasis basis, double? allowed)
    {
        var tolerance = BackOffice.Tools.Matching.Tolerance.FromSettings((decimal?)amount, (decimal?)percent, basis, BackOffice.Tools.Matching.ToleranceDirection.BothDirections);

        Assert.Equal(allowed is null ? decimal.MaxValue : (decimal)allowed, tolerance.AllowedFor(10_000m));
        Assert.Equal(allowed is null, tolerance.Check(10_000m, 1_000_000m).Within);
    }

    [Fact]
    public void DocumentsOptions_EmptyAmountToleranceSetting_BindsAsNoAmountLimit()
    {
        // Bound in memory rather than through an environment variable, so no other test's host sees the setting.
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:AmountToleranceDollars"] = "" }).Build();
        var options = new BackOffice.Agents.Documents.DocumentsOptions();

        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(BackOffice.Agents.Documents.DocumentsOptions.SectionName), options);

        Assert.Null(options.AmountToleranceDollars);
        // $50 or 2% whichever is less, with the $50 left empty: 2% of 10,000.00 alone.
        Assert.Equal(200m, options.AmountTolerance.AllowedFor(10_000m));
    }
}
