using BackOffice.Agents.Books;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Workforce.Reports;

/// <summary>
/// Issue 17: the Workforce reports' shared data (employees, payroll lines, schedule tasks, job statuses) of one tenant and
/// date, with the sweep inputs it was read under, so the next stamp's is brought up to date per table from it instead of
/// read again with the whole identity of the books. The tables written since are read again (a few rows each), every
/// other part is kept: a write to the ledger, a budget, a pay app or a pricebook item changes nothing here, an employee
/// re-reads the employees, a payroll line the payroll lines, a schedule task the tasks, a project job the jobs' statuses.
/// Timecards are not part of it: payroll-check reads the week's and labor-burden the year's on each run.
/// </summary>
internal sealed record WorkforceSnapshot(SweepInputs Inputs, WorkforceData Data)
{
    private const string Key = "workforce-data";

    /// <summary>The data the Workforce reports share: the memo's, else the previous stamp's refreshed per table, else read.</summary>
    public static async Task<WorkforceData> LoadAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        if (request.Memo is not { } memo)
        {
            return await WorkforceData.LoadAsync(request.Data, cancellationToken);
        }

        return (await memo.GetOrAddAsync(Key, () => MakeAsync(request, memo, CancellationToken.None))).Data;
    }

    private static async Task<WorkforceSnapshot> MakeAsync(ReportRequest request, ReportMemo memo, CancellationToken cancellationToken)
    {
        // Read before the data: a write during the load is then also after this seq, and the next refresh reads it again.
        var inputs = await request.Data.SweepMarks.InputsAsync(cancellationToken);
        if (memo.Previous?.Base<WorkforceSnapshot>(Key) is { } before
            && await RefreshChanges.SinceAsync(request, before.Inputs, inputs, cancellationToken) is (var changes, _))
        {
            memo.CountPerKey();
            return new WorkforceSnapshot(inputs, await RereadAsync(request, before.Data, changes, cancellationToken));
        }

        return new WorkforceSnapshot(inputs, await WorkforceData.LoadAsync(request.Data, cancellationToken));
    }

    /// <summary>The data with the tables the journal names read again; a confirmed link moves nothing here (no identity).</summary>
    private static async Task<WorkforceData> RereadAsync(
        ReportRequest request, WorkforceData data, IReadOnlyList<JournalEntry> changes, CancellationToken cancellationToken)
    {
        var tables = changes.Select(c => c.Table).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var store = request.Data.Workforce;
        // The week's timecards are read through the store of this request's tenant data.
        data = data with { Store = store };
        if (tables.Contains("workforce_employees"))
        {
            data = data with { Employees = (await store.EmployeesAsync(cancellationToken)).ToDictionary(e => e.Id, StringComparer.Ordinal) };
        }

        if (tables.Contains("workforce_payroll_lines"))
        {
            data = data with { PayrollLines = await store.PayrollLinesAsync(cancellationToken) };
        }

        if (tables.Contains("project_schedule_tasks"))
        {
            data = data with { Tasks = await store.ScheduleTasksAsync(cancellationToken) };
        }

        if (tables.Contains("project_jobs"))
        {
            // The shared read model's jobs are the project system's rows (TenantBooks), so their statuses are these.
            data = data with { JobStatus = (await request.Data.Project.JobsAsync(cancellationToken)).ToDictionary(j => j.Id, j => j.Status, StringComparer.Ordinal) };
        }

        return data;
    }
}
