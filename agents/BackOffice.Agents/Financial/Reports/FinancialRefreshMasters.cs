using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// Issue 17: what journaled writes to the masters other than jobs (vendors of both systems, customers, accounts) and to
/// sub invoices change in the Financial analysis's data. A rename is the most common write and moves no figure: the
/// masters are read again (a few hundred rows) and the identity resolved again, and only the jobs whose ledger twin
/// changed are computed again (<see cref="FinancialRefresh"/>'s relink). An account's type decides which lines are cost
/// (the cost totals' SQL), so an account added or its type changed reads the whole books. Sub invoices are read again
/// whole: the reconciliation takes them, no job's WIP row does.
/// </summary>
internal static class FinancialRefreshMasters
{
    public const string Accounts = "ledger_accounts";
    private const string Customers = "ledger_customers";
    private const string SubInvoices = "project_sub_invoices";
    private const string SubInvoiceLines = "project_sub_invoice_lines";

    /// <summary>The masters the identity is resolved from (jobs are <see cref="FinancialRefreshProject.JobsTable"/>'s).</summary>
    private static readonly HashSet<string> IdentityTables = new(StringComparer.Ordinal) { "ledger_vendors", "project_vendors", Customers };

    /// <summary>The journaled tables this refresh handles.</summary>
    public static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.Ordinal)
    {
        "ledger_vendors", "project_vendors", Customers, Accounts, SubInvoices, SubInvoiceLines,
    };

    /// <summary>
    /// Whether a journal row of these tables can be refreshed per key: every one but an account added, deleted or whose
    /// type changed (which lines count as cost).
    /// </summary>
    public static bool Keyed(JournalEntry change) =>
        change.Table != Accounts || (change.Columns is { } columns && !columns.Split(',').Contains("type", StringComparer.Ordinal));

    /// <summary>
    /// The data with the written sub invoices, accounts and customers' payment terms read again, and whether the identity
    /// must be resolved again (a vendor or customer changed).
    /// </summary>
    public static async Task<(FinancialData Data, bool Relink)> RereadAsync(
        ReportRequest request, FinancialData data, IReadOnlyList<JournalEntry> changes, CancellationToken cancellationToken)
    {
        var tables = changes.Select(c => c.Table).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (tables.Contains(SubInvoices) || tables.Contains(SubInvoiceLines))
        {
            data = data with { SubInvoices = await request.Data.Project.SubInvoicesAsync(cancellationToken) };
        }

        if (tables.Contains(Accounts))
        {
            data = data with { Accounts = await request.Data.Ledger.AccountsAsync(cancellationToken) };
        }

        if (tables.Contains(Customers))
        {
            // Issue 16's owner invoice terms live on the customer (or its parent).
            data = data with { CustomerTerms = await request.Data.Ledger.CustomerTermsAsync(cancellationToken) };
        }

        return (data, tables.Overlaps(IdentityTables));
    }
}
