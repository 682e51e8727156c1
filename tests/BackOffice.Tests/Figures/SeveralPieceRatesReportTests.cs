using BackOffice.Store.Bundle;
using BackOffice.Tests.Bundle;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: a payroll line's own piece_rate and overtime_piece_rate (29 CFR 778.418(c), several piece rates in one week)
/// from the bundle into `report payroll-check`, and their validation by file, row and field.
/// </summary>
public sealed class SeveralPieceRatesReportTests : IDisposable
{
    private const string Employees = "workforce/employees.csv", Lines = "workforce/payroll-lines.csv";
    private readonly BundleTestKit _kit = new();

    public SeveralPieceRatesReportTests() => _kit.WorkforceBaseColumns();

    public void Dispose() => _kit.Dispose();

    [Theory]
    // DERIVED from 778.418(c) and 778.111(a): Marcus Reed (TX, 52.5 hours: 12.5 over 40) at two kinds of work, $0.50 and
    // $0.80 a piece, with $0.75 agreed for the $0.50 work (his employee pair). Nonovertime: 1,200 pieces at $0.50 and 500
    // at $0.80 = $1,000.00 ($19.05 an hour, bona fide). The overtime hours are $0.80 work: 500 pieces.
    // Paid at $1.20 (1.5 x $0.80): $600.00 >= 1.5 x $7.25 x 12.5 = $135.94; $1,600.00 required, as paid.
    [InlineData("1.20", "1600.00", "1600.00", "0.00", "778.418(c)")]
    // Paid at $0.75 (1.5 x the lower rate only): fails (c); the pieces enter 778.111(a) as paid, $1,375.00 / 52.5 h =
    // $26.190476, 12.5 x half = $163.69: $1,538.69 required against $1,375.00 paid.
    [InlineData("0.75", "1375.00", "1538.69", "163.69", "778.111")]
    public async Task PayrollCheck_LinePieceRateOfTheOvertimeWork_DecidesTheAgreement(string overtimeRate, string paid, string required, string difference, string rule)
    {
        _kit.Extend(Employees, ",pay_basis,piece_rate,overtime_piece_rate", new Dictionary<string, string> { ["emp-2"] = "piece-rate,0.50,0.75" }, ",,");
        _kit.Extend(Lines, ",piece_earnings,overtime_pieces,piece_rate,overtime_piece_rate", new Dictionary<string, string> { ["prl-2"] = $"1000.00,500,0.80,{overtimeRate}" }, ",,,");
        var path = Path.Combine(_kit.Bundle, Lines);
        File.WriteAllText(path, File.ReadAllText(path).Replace("emp-2,2026-11-02,40,8,0,0.00,1872.00", $"emp-2,2026-11-02,40,12.5,0,0.00,{paid}", StringComparison.Ordinal));

        var row = (await _kit.PayrollCheckAsync())["emp-2"];

        Assert.Equal(("PieceRate", required, difference), ((string?)row["payBasis"], (string?)row["required"], (string?)row["difference"]));
        Assert.Contains(rule, (string)row["payRule"]!, StringComparison.Ordinal);
        Assert.Equal(rule == "778.111", ((string)row["issues"]!).Contains("778.418(c)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("100.00,12,,1.20", "piece_rate", "a line's overtime_piece_rate needs the piece_rate")]
    [InlineData("100.00,12,0.80,", "overtime_piece_rate", "a line's piece_rate needs the overtime_piece_rate")]
    [InlineData("100.00,12,0,1.20", "piece_rate", "expected a piece_rate above 0")]
    [InlineData("100.00,12,0.80,0", "overtime_piece_rate", "expected an overtime_piece_rate above 0")]
    [InlineData("100.00,12,-0.80,1.20", "piece_rate", "expected a non-negative number")]
    [InlineData("100.00,12,0.80001,1.20", "piece_rate", "has more than 4 decimal places")]
    [InlineData("100.00,,0.80,1.20", "piece_rate", "rate its overtime_pieces, which the line does not state")]
    public async Task Import_LinePieceRateWrong_NamesFileRowAndField(string values, string column, string message)
    {
        _kit.Extend(Lines, ",piece_earnings,overtime_pieces,piece_rate,overtime_piece_rate", new Dictionary<string, string> { ["prl-4"] = values }, ",,,");

        var failure = await _kit.ImportFailsAsync();

        var error = Assert.Single(failure.Errors);
        Assert.Equal((Lines, 5, column), (error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _kit.CountAsync(BundleSchema.File(Lines).Table));
    }
}
