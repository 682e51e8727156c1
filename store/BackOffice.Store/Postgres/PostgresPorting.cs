using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Postgres;

/// <summary>
/// Issue 18: what runs on PostgreSQL so far. The control tables and stores, the gate's tables (proposals, executions,
/// settings, the audit chain), the event inbox, the collections outbox and promises are ported, the tenant ones with
/// row-level security; the rest of the tenant tables and the stores that open bare SQLite connections are not, so a host asked to run on PostgreSQL refuses to start
/// and names them, rather than failing on the first sweep. A test keeps this list equal to the tables the SQLite
/// migrations declare and the PostgreSQL migrations do not.
/// </summary>
public static class PostgresPorting
{
    /// <summary>Tenant tables the SQLite migrations declare and the PostgreSQL set does not yet.</summary>
    public static readonly IReadOnlyList<string> NotPortedTables =
    [
        "books_date", "budget_line_materials", "bundle_file_moves", "bundle_files", "change_journal", "contacts", "estimate_lines", "estimates",
        "export_mappings", "export_name_decisions", "financial_links", "financial_notes", "findings", "import_runs",
        "ledger_accounts", "ledger_bill_lines", "ledger_bills", "ledger_classes", "ledger_customers", "ledger_invoice_lines",
        "ledger_invoices", "ledger_items", "ledger_journal_entries", "ledger_journal_lines", "ledger_payment_lines",
        "ledger_payments", "ledger_purchase_orders", "ledger_terms", "ledger_vendors", "map_cost_code_accounts", "map_links",
        "memory_items", "memory_learning", "narration_cache", "pricebook_applied_updates", "pricebook_items",
        "pricebook_markup_rules", "pricebook_match_decisions", "pricebook_price_files", "pricebook_price_lines",
        "pricebook_vendor_mappings", "procore_connections", "procore_sync_cursors", "procore_sync_state",
        "project_budget_lines", "project_change_order_lines", "project_change_orders", "project_commitment_lines",
        "project_commitments", "project_cost_codes", "project_direct_cost_lines", "project_direct_costs", "project_jobs", "project_pay_app_lines", "project_pay_apps",
        "project_schedule_tasks", "project_sub_invoice_lines", "project_sub_invoices", "project_vendor_insurances", "project_vendors",
        "quickbooks_connections", "quickbooks_sync_cursors", "quickbooks_sync_state", "sandbox_requests",
        "sandbox_sequences", "sweep_inputs", "sweep_leases", "sweep_marks", "sweep_runs",
        "wip_period_jobs", "wip_periods", "workforce_employees", "workforce_outbox",
        "workforce_payroll_lines", "workforce_timecards",
    ];

    /// <summary>Throws with the list of what is missing; the composition root calls it when Store:Provider=postgres.</summary>
    public static void RefuseToStart()
    {
        throw new StoreNotPortedException(
            $"Running the host on PostgreSQL: the control tables, the gate's tables, the event inbox and the collections outbox " +
            $"are ported, but the tenant tables {string.Join(", ", NotPortedTables)} and their stores (bundle import, the agents' " +
            "read models, sandbox ledger, QuickBooks, Procore, pricebook, the change journal, WIP periods, memory, sweeps and their lease, findings)");
    }
}
