using System.Globalization;
using BackOffice.Kernel.Abstractions.Reports;
using Dapper;

namespace BackOffice.Tests.Support.Procore;

/// <summary>
/// The set-up ProcoreScheduleTests and ProcoreScheduleBaselineTests share (issue 14 review): a synced fake Procore
/// project whose job the ledger knows as a customer, and running a report on it.
/// </summary>
public static class ProcoreScheduleKit
{
    /// <summary>
    /// A fake Procore with one project synced once, and the ledger's customer of its job, so WIP (and AC) resolve:
    /// the same name, as QuickBooks would carry it.
    /// </summary>
    public static async Task<(ProcoreHarness Harness, FakeProcoreProject Project, string Job)> SyncedForReportsAsync()
    {
        var (h, project) = await ProcoreHarness.SyncedAsync();
        await using (var c = await h.Tenant.OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync(
                "INSERT INTO ledger_customers (id, name, fully_qualified_name, is_project, active, row_hash) VALUES ('cust-p1', 'P-1: Project 1', 'P-1: Project 1', 1, 1, 'x')");
        }

        return (h, project, "pc-prj-" + project.Id.ToString(CultureInfo.InvariantCulture));
    }

    public static Task<ReportTable> RunAsync(ProcoreHarness h, string name, string job, DateOnly asOf) =>
        h.Get<IEnumerable<IReport>>().Single(r => r.Name == name).RunAsync(new ReportRequest(h.Tenant, asOf, job), CancellationToken.None);

    /// <summary>The value of an earned-value measure (PV, EV, ...).</summary>
    public static string? Value(ReportTable table, string measure) => (string?)table.Rows.Single(r => (string?)r["measure"] == measure)["value"];
}
