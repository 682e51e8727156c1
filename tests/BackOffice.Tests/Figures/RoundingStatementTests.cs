using System.Text.RegularExpressions;
using BackOffice.Agents;
using BackOffice.Domain.Money;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: "each rounding point stated in the code and the report". Every report of the figures a controller signs
/// states its rounding rule in its title, and no rounding in the tools or the agents is left to a default midpoint rule.
/// </summary>
public sealed partial class RoundingStatementTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public RoundingStatementTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string[]> Reports() => new()
    {
        { RoundingStatements.PayApplication, ["g702", "--job", "job-102"] },
        { RoundingStatements.PayApplication, ["g703", "--job", "job-102"] },
        { RoundingStatements.RetainageBalances, ["retainage"] },
        { RoundingStatements.EarnedValue, ["earned-value"] },
        { RoundingStatements.Wip, ["wip"] },
        { RoundingStatements.Wip, ["wip-period", "--period", "2026-10"] },
        { RoundingStatements.LaborBurden, ["labor-burden"] },
        { RoundingStatements.PayrollCheck, ["payroll-check", "--week", "2026-11-05"] },
        { RoundingStatements.Aging, ["aging"] },
        { RoundingStatements.Allowance, ["allowance"] },
        { RoundingStatements.ThreeWayMatch, ["three-way-match"] },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Report_OfIssue16_StatesItsRoundingInItsTitle(string statement, string[] args)
    {
        await _cli.OkAsync("demo");

        var report = await _cli.OkAsync(["report", .. args, "--tenant", "demo"]);

        Assert.Contains("; " + statement, report.Out.Split('\n')[0], StringComparison.Ordinal);
    }

    [Theory]
    // Half a cent either way rounds away from zero when an amount is written (MoneyMath.RoundToCent), not to even.
    [InlineData("1.125", "$1.13", "1.13")]
    [InlineData("-1.125", "-$1.13", "-1.13")]
    [InlineData("2.135", "$2.14", "2.14")]
    [InlineData("-0.004", "$0.00", "0.00")]
    public void MoneyText_AmountWithMoreThanTwoPlaces_RoundsHalfAwayFromZero(string amount, string usd, string plain)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal((usd, plain), (MoneyText.Usd(value), MoneyText.Plain(value)));
    }

    [Fact]
    public void Sources_EveryRoundInToolsAndAgents_NamesItsMidpointRule()
    {
        // A Math.Round or decimal.Round without MidpointRounding rounds half to even; only a check that a figure already has
        // n places (decimal.Round(x, n) == x) may leave it out, since that comparison is the same under either rule.
        var offenders = new[] { "tools", "agents" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(RepoPaths.Root, f), Line: i + 1, Text: line)))
            .Where(l => RoundCall().IsMatch(l.Text) && !l.Text.Contains("MidpointRounding", StringComparison.Ordinal) && !PlacesCheck().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\b(Math|decimal|Decimal)\.Round\(")]
    private static partial Regex RoundCall();

    [GeneratedRegex(@"decimal\.Round\((\w+), \w+\) [!=]= \1\b|\b(\w+) [!=]= decimal\.Round\(\2, \w+\)")]
    private static partial Regex PlacesCheck();
}
