using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Workforce;

/// <summary>A small workforce tenant written with SQL: one active job with a Carpentry task, one closed job.</summary>
internal static class WorkforceSeed
{
    public static async Task BaseAsync(TenantData path)
    {
        await using var c = await path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("""
            INSERT INTO project_jobs (id, name, status, row_hash) VALUES ('job-1', 'Lakeview', 'active', 'x'), ('job-old', 'Garcia', 'closed', 'x');
            INSERT INTO project_schedule_tasks (id, job_id, name, trade, start_date, end_date, crew_hours_e4, percent_complete_bp, row_hash)
                VALUES ('st-1', 'job-1', 'Framing', 'Carpentry', '2026-11-16', '2026-11-20', 1200000, 0, 'x');
            INSERT INTO workforce_employees (id, name, trade, work_state, base_rate_cents, active, row_hash)
                VALUES ('emp-1', 'Marcus Reed', 'Carpentry', 'TX', 3600, 1, 'x');
            """);
    }

    public static async Task ShiftsAsync(TenantData path, string employee, string job, int days, string from, string to, string firstDay = "2026-11-02")
    {
        await using var c = await path.OpenAsync(CancellationToken.None);
        var start = DateOnly.Parse(firstDay, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < days; i++)
        {
            var day = start.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await c.ExecuteAsync(
                "INSERT INTO workforce_timecards (id, employee_id, job_id, clock_in, clock_out, row_hash) VALUES (@id, @employee, @job, @cin, @cout, 'x')",
                new { id = $"tc-{employee}-{day}", employee, job, cin = $"{day}T{from}:00", cout = to.Length == 0 ? null : $"{day}T{to}:00" });
        }
    }

    public static async Task PayrollLineAsync(TenantData path, string employee, long regularE4, long overtimeE4, long grossCents, string weekStart = "2026-11-02")
    {
        await using var c = await path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("""
            INSERT INTO workforce_payroll_lines (id, run_id, employee_id, week_start, regular_hours_e4, overtime_hours_e4, double_time_hours_e4, bonus_cents, gross_pay_cents, row_hash)
            VALUES ('prl-' || @employee, 'pr-2026-11-08', @employee, @weekStart, @regularE4, @overtimeE4, 0, 0, @grossCents, 'x')
            """, new { employee, regularE4, overtimeE4, grossCents, weekStart });
    }
}
