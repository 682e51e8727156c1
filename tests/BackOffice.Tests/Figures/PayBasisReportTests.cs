using System.Text.Json.Nodes;
using BackOffice.Store.Bundle;
using BackOffice.Tests.Bundle;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: salaried employees and flat-sum bonuses from the bundle (employees.csv pay_basis and salary columns,
/// payroll-lines.csv bonus_kind) into `report payroll-check`, and their validation by file, row and field.
/// </summary>
public sealed class PayBasisReportTests : IDisposable
{
    private const string Employees = "workforce/employees.csv", Lines = "workforce/payroll-lines.csv";
    private readonly BundleTestKit _kit = new();

    public PayBasisReportTests() => _kit.WorkforceBaseColumns();

    public void Dispose() => _kit.Dispose();

    /// <summary>Adds the salary columns to employees.csv: values per employee id, empty for the rest.</summary>
    private void Salaries(IReadOnlyDictionary<string, string> byId) => Extend(Employees, ",pay_basis,salary,salary_period,salary_hours", id => byId.GetValueOrDefault(id, ",,,"));

    private void BonusKinds(IReadOnlyDictionary<string, string> byLineId) => Extend(Lines, ",bonus_kind", id => byLineId.GetValueOrDefault(id, ""));

    private void Extend(string file, string header, Func<string, string> valuesFor) => _kit.Extend(file, header, valuesFor);

    private Task<Dictionary<string, JsonNode>> PayrollCheckAsync() => _kit.PayrollCheckAsync();

    [Fact]
    public async Task PayrollCheck_SalariedAndFlatSum_ShowsEachRuleBesideWhatWasPaid()
    {
        // Tom Becker (TX, 40 h in four 10-hour days): $1,200 a week for 35 hours (29 CFR 778.113) -> 1200 / 35 = 34.29;
        // 5 more straight-time hours = 171.45; required $1,371.45 against $1,240.00 paid (DERIVED).
        // Luis Hernandez (CA, 40 regular + 10 overtime): "fluctuating" $1,700 a week is 1/40 in California (Labor Code
        // 515(d)): 42.50, overtime 10 x 63.75 = 637.50, $2,337.50, what the run pays (DERIVED).
        // Ana Morales (CA, 40 + 2.5 overtime at $28.75): a $50 flat-sum bonus paid as $1,307.81; Alvarado adds
        // 50 / 40 x 1.5 x 2.5 = 4.6875 -> 4.69: 1,257.8125 + 50 + 4.69 = $1,312.50 (DERIVED).
        Salaries(new Dictionary<string, string>
        {
            ["emp-4"] = "salary-fixed,1200.00,weekly,35",
            ["emp-1"] = "salary-fluctuating,1700.00,weekly,",
        });
        BonusKinds(new Dictionary<string, string> { ["prl-3"] = "flat-sum" });
        _kit.Edit(Lines, "prl-3,pr-2026-11-08,emp-3,2026-11-02,40,2.5,0,0.00,1257.81", "prl-3,pr-2026-11-08,emp-3,2026-11-02,40,2.5,0,50.00,1307.81");

        var rows = await PayrollCheckAsync();

        Assert.Equal(("34.29", "0.00", "1371.45", "1240.00", "131.45"), Money(rows["emp-4"]));
        Assert.Contains("778.113", (string)rows["emp-4"]["payRule"]!, StringComparison.Ordinal);
        Assert.Equal(("42.50", "637.50", "2337.50", "2337.50", "0.00"), Money(rows["emp-1"]));
        Assert.Contains("Skyline Homes", (string)rows["emp-1"]["issues"]!, StringComparison.Ordinal);
        Assert.Equal(("1312.50", "1307.81", "4.69"), (Text(rows["emp-3"], "required"), Text(rows["emp-3"], "paid"), Text(rows["emp-3"], "difference")));
        Assert.Contains("Alvarado", (string)rows["emp-3"]["payRule"]!, StringComparison.Ordinal);
        Assert.Equal("243.00", Text(rows["emp-2"], "difference")); // hourly employees are checked as before
    }

    private static string? Text(JsonNode row, string name) => (string?)row[name];

    private static (string?, string?, string?, string?, string?) Money(JsonNode row) =>
        (Text(row, "regularRate"), Text(row, "overtimeDue"), Text(row, "required"), Text(row, "paid"), Text(row, "difference"));

    [Theory]
    [InlineData("salary-fixed,,weekly,35", "salary", "needs the salary")]
    [InlineData("salary-fixed,900.00,,35", "salary_period", "needs the salary_period")]
    [InlineData("salary-fixed,900.00,weekly,", "salary_hours", "at most 40")]
    [InlineData("salary-fixed,900.00,weekly,41", "salary_hours", "at most 40")]
    [InlineData("hourly,900.00,weekly,", "salary", "an hourly employee has no salary")]
    [InlineData("salaried,900.00,weekly,40", "pay_basis", "salary-fixed")]
    public async Task Import_IncompleteSalary_NamesFileRowAndField(string values, string column, string message)
    {
        Salaries(new Dictionary<string, string> { ["emp-4"] = values });

        var failure = await _kit.ImportFailsAsync();

        var error = Assert.Single(failure.Errors);
        Assert.Equal((Employees, 5, column), (error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _kit.CountAsync(BundleSchema.File(Employees).Table));
    }
}
