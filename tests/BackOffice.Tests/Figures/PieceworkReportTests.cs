using System.Text.Json.Nodes;
using BackOffice.Store.Bundle;
using BackOffice.Tests.Bundle;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: day-rate and piece-rate employees from the bundle (employees.csv pay_basis and day_rate, payroll-lines.csv
/// days and piece_earnings) into `report payroll-check`, and their validation by file, row and field.
/// </summary>
public sealed class PieceworkReportTests : IDisposable
{
    private const string Employees = "workforce/employees.csv", Lines = "workforce/payroll-lines.csv";
    private readonly BundleTestKit _kit = new();

    public PieceworkReportTests() => _kit.WorkforceBaseColumns();

    public void Dispose() => _kit.Dispose();

    private void Extend(string file, string header, IReadOnlyDictionary<string, string> byId, string empty) => _kit.Extend(file, header, byId, empty);

    [Fact]
    public async Task PayrollCheck_DayRateAndPieceRate_ShowTheirRulesAndTheOvertimeOwed()
    {
        // Marcus Reed (TX, five days of 10.5 hours = 52.5): $360 a day (778.112) -> 1,800 / 52.5 = 34.2857 (34.29 shown);
        // 12.5 overtime hours x 17.142857 = 214.29; required 2,014.29 against 1,872.00 paid (DERIVED).
        // Tom Becker (TX, 40 hours): $1,240.00 of piece earnings (778.111) for 40 hours: no overtime, 1,240.00 as paid.
        Extend(Employees, ",pay_basis,day_rate", new Dictionary<string, string> { ["emp-2"] = "day-rate,360.00", ["emp-4"] = "piece-rate," }, ",");
        Extend(Lines, ",days,piece_earnings", new Dictionary<string, string> { ["prl-4"] = ",1240.00" }, ",");

        var rows = await PayrollCheckAsync();

        Assert.Equal(("DayRate", "34.29", "214.29", "2014.29", "142.29"), Figures(rows["emp-2"]));
        Assert.Contains("778.112", (string)rows["emp-2"]["payRule"]!, StringComparison.Ordinal);
        Assert.Equal(("PieceRate", "31.00", "0.00", "1240.00", "0.00"), Figures(rows["emp-4"]));
        Assert.Equal("1240.00", (string?)rows["emp-4"]["straightTime"]);
    }

    [Theory]
    // Tom Becker (TX, 40 hours at base rate) on $1,240.00 of pieces. Under a $35.00 guarantee the pieces fall short of
    // 40 x 35.00 = 1,400.00, so 29 CFR 778.111(b) pays 1,400.00 and the guarantee is the regular rate: 160.00 underpaid.
    // Under $30.00 (1,200.00) the pieces win: 778.111(a), 1,240.00 / 40 = 31.00, as paid (DERIVED).
    [InlineData("35.00", "35.00", "1400.00", "160.00", "778.111(b)")]
    [InlineData("30.00", "31.00", "1240.00", "0.00", "778.111")]
    public async Task PayrollCheck_PieceRateGuarantee_PaysTheGuaranteeWhenPiecesFallShort(
        string guarantee, string rate, string required, string difference, string rule)
    {
        Extend(Employees, ",pay_basis,day_rate,piece_guarantee", new Dictionary<string, string> { ["emp-4"] = $"piece-rate,,{guarantee}" }, ",,");
        Extend(Lines, ",days,piece_earnings", new Dictionary<string, string> { ["prl-4"] = ",1240.00" }, ",");

        var rows = await PayrollCheckAsync();

        Assert.Equal(("PieceRate", rate, "0.00", required, difference), Figures(rows["emp-4"]));
        Assert.EndsWith(rule, (string)rows["emp-4"]["payRule"]!, StringComparison.Ordinal);
    }

    [Theory]
    // Issue 16, 29 CFR 778.418 (it prints no figures; DERIVED): Marcus Reed (TX, 52.5 hours: 12.5 over 40) on pieces at
    // $0.50 with $0.75 agreed for each piece produced in overtime hours: 2,000 pieces in the 40 nonovertime hours
    // ($1,000.00, $25.00 an hour, bona fide) and 500 in the overtime hours at $0.75 = $375.00, above 1.5 x $7.25 x 12.5 =
    // $135.94: the week requires $1,375.00 and no further overtime; paid $1,300.00 it is $75.00 short.
    [InlineData("0.75", "12.5", "1375.00", "1375.00", "0.00", "778.418")]
    [InlineData("0.75", "12.5", "1300.00", "1375.00", "75.00", "778.418")]
    // The agreed $0.70 is under 1.5 x $0.50 (778.418(a)): 778.111(a) on the pieces as paid, $1,000.00 + 500 x $0.70 =
    // $1,350.00 over 52.5 hours = $25.714286, 12.5 x half of it = $160.71: $1,510.71 against $1,350.00 paid.
    [InlineData("0.70", "12.5", "1350.00", "1510.71", "160.71", "778.111")]
    // The run pays the overtime piece rate for 8 of the 12.5 hours (778.418(a)(3)): 778.111(a) with the pieces at the piece
    // rate, $1,250.00 / 52.5 = $23.809524, 12.5 x half = $148.81: $1,398.81, the $125.00 paid over the piece rate credited.
    [InlineData("0.75", "8", "1375.00", "1398.81", "23.81", "778.111")]
    public async Task PayrollCheck_AgreedOvertimePieceRate_SettlesOvertimeOnlyWhen778418Holds(
        string agreedRate, string overtimePaid, string paid, string required, string difference, string rule)
    {
        Extend(Employees, ",pay_basis,piece_rate,overtime_piece_rate", new Dictionary<string, string> { ["emp-2"] = $"piece-rate,0.50,{agreedRate}" }, ",,");
        Extend(Lines, ",piece_earnings,overtime_pieces", new Dictionary<string, string> { ["prl-2"] = "1000.00,500" }, ",");
        var path = Path.Combine(_kit.Bundle, Lines);
        File.WriteAllText(path, File.ReadAllText(path).Replace("emp-2,2026-11-02,40,8,0,0.00,1872.00", $"emp-2,2026-11-02,40,{overtimePaid},0,0.00,{paid}", StringComparison.Ordinal));

        var row = (await PayrollCheckAsync())["emp-2"];

        Assert.Equal(("PieceRate", required, difference), ((string?)row["payBasis"], (string?)row["required"], (string?)row["difference"]));
        Assert.Contains(rule, (string)row["payRule"]!, StringComparison.Ordinal);
        Assert.Equal(rule == "778.418", !((string)row["issues"]!).Contains("778.418(a", StringComparison.Ordinal));
    }

    [Theory]
    // Issue 16, Labor Code 226.2(a)(3)(A) (DERIVED, the worked examples are in PieceworkToolsTests): Ana Morales (CA, five
    // 8.5-hour days: 40 regular and 2.5 daily overtime hours) on pieces with 1.6667 hours of rest (20 minutes a day).
    // $1,000.00 / 40.8333 = $24.49 an hour x 1.6667 = $40.82 of rest pay; straight time $1,040.82 / 42.5 = $24.489882, 2.5
    // x half of it = $30.61: $1,071.43. $500.00 averages $12.24, under the default $16.90: $28.17, $543.70; under the
    // line's own $20.00: $33.33, $549.02.
    [InlineData("1000.00", "", "24.49", "40.82", "1071.43")]
    [InlineData("500.00", "", "16.90", "28.17", "543.70")]
    [InlineData("500.00", "20.00", "20.00", "33.33", "549.02")]
    public async Task PayrollCheck_CaliforniaRestHours_RequiresRestPayAtTheAverageOrTheMinimumWage(
        string pieces, string minimumWage, string rate, string restPay, string required)
    {
        Extend(Employees, ",pay_basis", new Dictionary<string, string> { ["emp-3"] = "piece-rate" }, "");
        Extend(Lines, ",piece_earnings,rest_hours,minimum_wage", new Dictionary<string, string> { ["prl-3"] = $"{pieces},1.6667,{minimumWage}" }, ",,");

        var row = (await PayrollCheckAsync())["emp-3"];

        Assert.Equal(("1.6667", rate, restPay, required), ((string?)row["restHours"], (string?)row["restRate"], (string?)row["restPay"], (string?)row["required"]));
        Assert.Contains("Labor Code 226.2(a)(3)(A)", (string)row["payRule"]!, StringComparison.Ordinal);
    }

    private Task<Dictionary<string, JsonNode>> PayrollCheckAsync() => _kit.PayrollCheckAsync();

    private static (string?, string?, string?, string?, string?) Figures(JsonNode row) =>
        ((string?)row["payBasis"], (string?)row["regularRate"], (string?)row["overtimeDue"], (string?)row["required"], (string?)row["difference"]);

    [Theory]
    [InlineData(Employees, "hourly,0.50,0.75", "piece_rate", "an hourly employee has no piece_rate")]
    [InlineData(Employees, "piece-rate,,0.75", "piece_rate", "an overtime_piece_rate needs the piece_rate")]
    [InlineData(Employees, "piece-rate,0.50,", "overtime_piece_rate", "a piece_rate needs the overtime_piece_rate")]
    [InlineData(Employees, "piece-rate,0,0.75", "piece_rate", "expected a piece_rate above 0")]
    [InlineData(Lines, ",12", "overtime_pieces", "overtime_pieces need the line's piece_earnings")]
    [InlineData(Lines, "100.00,-1", "overtime_pieces", "expected a non-negative number")]
    [InlineData(Lines, ",,1.67", "rest_hours", "rest_hours need the line's piece_earnings")]
    [InlineData(Lines, "100.00,,1.67,0", "minimum_wage", "expected a minimum_wage above 0")]
    public async Task Import_AgreedPieceRateColumnsWrong_NamesFileRowAndField(string file, string values, string column, string message)
    {
        // Issue 16 (29 CFR 778.418): the rates on a piece-rate employee, as a pair; overtime pieces beside piece earnings.
        if (file == Employees)
        {
            Extend(Employees, ",pay_basis,piece_rate,overtime_piece_rate", new Dictionary<string, string> { ["emp-4"] = values }, ",,");
        }
        else
        {
            Extend(Lines, ",piece_earnings,overtime_pieces,rest_hours,minimum_wage", new Dictionary<string, string> { ["prl-4"] = values.PadRight(values.Length + 3 - values.Count(c => c == ','), ',') }, ",,,");
        }

        var failure = await _kit.ImportFailsAsync();

        var error = Assert.Single(failure.Errors);
        Assert.Equal((file, 5, column), (error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _kit.CountAsync(BundleSchema.File(file).Table));
    }

    [Theory]
    [InlineData("day-rate,", "day_rate", "a day-rate employee needs the day_rate")]
    [InlineData("hourly,300.00", "day_rate", "an hourly employee has no day_rate")]
    [InlineData("piece-rate,300.00", "day_rate", "a piece-rate employee has no day_rate")]
    [InlineData("hourly,,12.00", "piece_guarantee", "an hourly employee has no piece_guarantee")]
    [InlineData("day-rate,300.00,12.00", "piece_guarantee", "a day-rate employee has no piece_guarantee")]
    public async Task Import_DayRateOnTheWrongEmployee_NamesFileRowAndField(string values, string column, string message)
    {
        Extend(Employees, ",pay_basis,day_rate,piece_guarantee", new Dictionary<string, string> { ["emp-4"] = values.Split(',').Length == 2 ? values + "," : values }, ",,");

        var failure = await _kit.ImportFailsAsync();

        var error = Assert.Single(failure.Errors);
        Assert.Equal((Employees, 5, column), (error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _kit.CountAsync(BundleSchema.File(Employees).Table));
    }
}
