using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Financial;

/// <summary>
/// Adds to <see cref="Support.TenantSeed.BaseAsync"/> what issue 3's checks read: a contract, a budget, the
/// commitment's line and its PO, a pay app with its invoice, a fully applied payment. On its own it is clean books.
/// </summary>
internal static class FinancialSeed
{
    public static async Task CleanBooksAsync(TenantData path)
    {
        await Support.TenantSeed.BaseAsync(path);
        await using var c = await path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("""
            UPDATE project_jobs SET contract_cents = 10000000, substantial_completion_date = '2026-12-18' WHERE id = 'job-1';
            INSERT INTO project_budget_lines (id, job_id, cost_code, original_cents, approved_changes_cents, pm_estimate_at_completion_cents, row_hash)
                VALUES ('bl-1', 'job-1', '22-000', 2000000, 0, 2000000, 'x'), ('bl-2', 'job-1', '09-900', 6000000, 0, NULL, 'x');
            INSERT INTO project_commitment_lines (id, commitment_id, cost_code, amount_cents, row_hash) VALUES ('cl-1', 'c-1', '22-000', 1800000, 'x');
            INSERT INTO ledger_purchase_orders (id, vendor_id, customer_id, doc_number, txn_date, total_cents, status, row_hash)
                VALUES ('po-1', 'lv-1', 'cust-2', 'SC-003', '2026-09-01', 1800000, 'Open', 'x');
            INSERT INTO project_pay_apps (id, job_id, number, period_end, work_completed_to_date_cents, stored_materials_cents,
                retainage_held_to_date_cents, amount_due_cents, status, row_hash)
                VALUES ('pa-1', 'job-1', '1', '2026-10-31', 3000000, 0, 300000, 2700000, 'approved', 'x');
            INSERT INTO ledger_invoices (id, customer_id, doc_number, txn_date, due_date, total_cents, retainage_cents, row_hash)
                VALUES ('inv-1', 'cust-2', '1001', '2026-11-02', '2026-12-02', 2700000, 300000, 'x');
            INSERT INTO ledger_payments (id, customer_id, txn_date, total_cents, unapplied_cents, reference, row_hash)
                VALUES ('pmt-1', 'cust-2', '2026-11-10', 2700000, 0, 'ACH 1', 'x');
            INSERT INTO ledger_payment_lines (id, payment_id, invoice_id, amount_cents, row_hash) VALUES ('pmt-1-1', 'pmt-1', 'inv-1', 2700000, 'x');
            INSERT INTO ledger_accounts (id, number, name, type, active, row_hash) VALUES
                ('acct-5300', '5300', 'Equipment Rental', 'Cost of Goods Sold', 1, 'x'), ('acct-2100', '2100', 'Card', 'Credit Card', 1, 'x');
            """);
    }

    /// <summary>$685 with cost code 22-000 posted to Equipment Rental: the cost code maps to Subcontractors (acct-5100).</summary>
    public static async Task MiscodedJournalAsync(TenantData path)
    {
        await using var c = await path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("""
            INSERT INTO ledger_journal_entries (id, txn_date, doc_number, memo, row_hash) VALUES ('je-1', '2026-11-05', 'JE-1', 'Dumpster', 'x');
            INSERT INTO ledger_journal_lines (id, journal_entry_id, line_no, account_id, posting_type, amount_cents, customer_id, item, row_hash) VALUES
                ('je-1-1', 'je-1', 1, 'acct-5300', 'Debit', 68500, 'cust-2', '22-000', 'x'),
                ('je-1-2', 'je-1', 2, 'acct-2100', 'Credit', 68500, NULL, NULL, 'x');
            """);
    }

    public static async Task ExecAsync(TenantData path, string sql)
    {
        await using var c = await path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync(sql);
    }

    /// <summary>One number a test reads back from the tenant's database (issue 16: the retainage and owner-invoice tests share it).</summary>
    public static async Task<long> ScalarAsync(TenantData path, string sql)
    {
        await using var c = await path.OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>(sql);
    }
}
