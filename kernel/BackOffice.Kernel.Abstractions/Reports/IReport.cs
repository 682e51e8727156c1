using System.Text.Json.Nodes;

namespace BackOffice.Kernel.Abstractions.Reports;

/// <summary>A named report: `backoffice report NAME --tenant T [--as-of D] [--job J]`, as a table or JSON.</summary>
public interface IReport
{
    string Name { get; }

    string Description { get; }

    /// <summary>
    /// Issue 17: which changes make a cached table stale. Reports that read only what the agents read (the books, the
    /// gate-side inputs, the inbox and price files) say <see cref="BackOffice.Store.Tenancy.ChangeScope.Books"/>, so an
    /// approval or a sweep leaves their tables cached; the default is any commit.
    /// </summary>
    BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.AnyCommit;

    Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken);
}

public sealed record ReportRequest(BackOffice.Store.Tenancy.TenantData Data, DateOnly AsOf, string? Job)
{
    public string Tenant => Data.Tenant;

    /// <summary>`--period N`: the period (pay application number) of per-period reports such as g702 (issue 16).</summary>
    public string? Period { get; init; }

    /// <summary>`--since DATE`: the start of that day in the tenant's time zone, for reports of a log (quickbooks-events, issue 13).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>
    /// Issue 17: <see cref="Job"/> as the caller already resolved it (the API's route, the console, the CLI check the job
    /// before running), so the report does not resolve it again; null when not resolved yet or no job is given.
    /// </summary>
    public ReportJob? ResolvedJob { get; init; }

    /// <summary>Issue 17: figures shared by the reports of this tenant, data and date, when a report cache runs the report.</summary>
    public ReportMemo? Memo { get; init; }

    /// <summary>Issue 17: where a run records how long its reads took (the console benchmark's breakdown); null otherwise.</summary>
    public Agents.StageTimes? Times { get; init; }
}

/// <summary>Rows are JSON objects, each with an "id"; <paramref name="Columns"/> picks and orders what a table shows.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<JsonObject> Rows)
{
    /// <summary>
    /// Issue 17: false when the rows are not parts of one whole (the G702's lines 1 to 9 are each a figure of the form):
    /// the console then adds no total under them. Reports whose rows add (jobs, invoices, lines) leave it true.
    /// </summary>
    public bool RowsAdd { get; init; } = true;
}
