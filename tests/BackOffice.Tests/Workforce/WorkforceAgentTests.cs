using BackOffice.Agents.Workforce;
using BackOffice.Agents.Workforce.Actions;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tests.Support;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Workforce;

public sealed class WorkforceAgentTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private TenantData Path => _temp.Tenant("acme");

    private async Task<SweepResult> SweepAsync(WorkforceSettings? settings = null) =>
        await new WorkforceAgent(settings ?? WorkforceSettings.Default)
            .SweepAsync(new SweepContext(Path, new DateOnly(2026, 11, 12), new Progress<string>(), null), CancellationToken.None);

    [Fact]
    public async Task Sweep_OvertimeUnderpaid_ProposesAMoneyAdjustmentWithTheDifference()
    {
        await WorkforceSeed.BaseAsync(Path);
        await WorkforceSeed.ShiftsAsync(Path, "emp-1", "job-1", 5, "06:30", "17:00");
        await WorkforceSeed.PayrollLineAsync(Path, "emp-1", 400_000, 80_000, 187_200);

        var result = await SweepAsync();

        var proposal = Assert.Single(result.Proposals, p => p.ActionKind == PayrollAdjustmentPayload.Kind);
        Assert.Equal(RiskClass.Money, proposal.Risk);
        Assert.Equal("243.00", (string?)proposal.Payload["amount"]);
        Assert.Equal("2115.00", proposal.Figures.Single(f => f.Name == "required_gross").Value);
        Assert.Contains(proposal.Figures.Single(f => f.Name == "clocked_hours").Sources, s => s.Table == "workforce_timecards");
        Assert.True(proposal.IdempotencyKey.Length <= 50);
        Assert.Contains("$243.00", proposal.Narrative, StringComparison.Ordinal);
        Assert.Equal(proposal.FindingKey, result.Findings.Single(f => f.Check == "payroll-check").Key);
        Assert.Equal(proposal.IdempotencyKey, (await SweepAsync()).Proposals.Single(p => p.ActionKind == PayrollAdjustmentPayload.Kind).IdempotencyKey);
    }

    [Fact]
    public async Task Sweep_OpenPunchAndClosedJob_FindingsButNoAdjustment()
    {
        await WorkforceSeed.BaseAsync(Path);
        await WorkforceSeed.ShiftsAsync(Path, "emp-1", "job-old", 4, "07:00", "17:00");
        await WorkforceSeed.ShiftsAsync(Path, "emp-1", "job-1", 1, "07:00", "", firstDay: "2026-11-06");
        await WorkforceSeed.PayrollLineAsync(Path, "emp-1", 400_000, 0, 144_000);

        var result = await SweepAsync();

        Assert.DoesNotContain(result.Proposals, p => p.ActionKind == PayrollAdjustmentPayload.Kind);
        var finding = result.Findings.Single(f => f.Check == "payroll-check");
        Assert.Contains("never out", finding.Narrative, StringComparison.Ordinal);
        Assert.Contains("job-old is closed", finding.Narrative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_WorkweekStartsSunday_ChecksTheSundayWeek()
    {
        // Sunday to Saturday: the Sunday shift and five weekday shifts are one workweek of 6 × 10.5 h = 63 h.
        await WorkforceSeed.BaseAsync(Path);
        await WorkforceSeed.ShiftsAsync(Path, "emp-1", "job-1", 6, "06:30", "17:00", firstDay: "2026-11-01");
        await WorkforceSeed.PayrollLineAsync(Path, "emp-1", 400_000, 230_000, 144_000 + 124_200, weekStart: "2026-11-01");
        var sunday = new WorkforceSettings(key => key == "Tenants:acme:Agents:workforce:WorkweekStart" ? "Sunday" : null);

        var result = await SweepAsync(sunday);

        Assert.DoesNotContain(result.Findings, f => f.Check == "payroll-check");
        var monday = (await SweepAsync()).Findings.Single(f => f.Check == "payroll-check");
        Assert.Contains("week_start", monday.Figures.Select(f => f.Name));
        Assert.Contains("does not start on the tenant's workweek start day", monday.Narrative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_ScheduleBeyondCrew_StaffingAlertIsRoutine()
    {
        // 120 crew hours in the week of 2026-11-16 for one carpenter: 80 h of implied overtime.
        await WorkforceSeed.BaseAsync(Path);

        var result = await SweepAsync();

        var alert = Assert.Single(result.Proposals, p => p.ActionKind == StaffingAlertPayload.Kind);
        Assert.Equal(RiskClass.Routine, alert.Risk);
        Assert.Equal("80", alert.Figures.Single(f => f.Name == "implied_overtime_hours").Value);
        Assert.Equal("2026-11-16", alert.Figures.Single(f => f.Name == "first_short_week").Value);
    }

    [Fact]
    public void Settings_BadWorkweekStart_IsRefusedWithTheKey()
    {
        var settings = new WorkforceSettings(key => key == "Agents:workforce:WorkweekStart" ? "Funday" : null);
        Assert.Contains("Funday", Assert.Throws<WorkforceConfigurationException>(() => settings.WorkweekStart("acme")).Message, StringComparison.Ordinal);
    }
}
