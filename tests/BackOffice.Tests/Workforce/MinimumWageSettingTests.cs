using BackOffice.Agents.Workforce;

namespace BackOffice.Tests.Workforce;

/// <summary>Issue 16: the tenant's minimum wage for California rest-period pay (Labor Code 226.2), Agents:workforce:MinimumWage.</summary>
public sealed class MinimumWageSettingTests
{
    [Theory]
    // None set: California's $16.90 from 1 January 2026 (DIR); the company-wide setting; one tenant's own wins over it.
    [InlineData(null, null, "16.90")]
    [InlineData("17.50", null, "17.50")]
    [InlineData("17.50", "19.18", "19.18")]
    public void MinimumWage_Configured_TenantWinsOverCompanyOverDefault(string? company, string? tenant, string expected)
    {
        var settings = new WorkforceSettings(key => key switch
        {
            "Agents:workforce:MinimumWage" => company,
            "Tenants:acme:Agents:workforce:MinimumWage" => tenant,
            _ => null,
        });

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), settings.MinimumWage("acme"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("sixteen")]
    public void MinimumWage_NotAPositiveNumber_IsRefusedNamingTheKey(string value)
    {
        var settings = new WorkforceSettings(key => key == "Agents:workforce:MinimumWage" ? value : null);

        var error = Assert.Throws<WorkforceConfigurationException>(() => settings.MinimumWage("acme"));
        Assert.Contains("MinimumWage", error.Message, StringComparison.Ordinal);
    }
}
