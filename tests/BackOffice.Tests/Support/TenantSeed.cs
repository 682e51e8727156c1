using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Support;

/// <summary>
/// Writes a small, known tenant straight into SQLite, so agent tests do not depend on the importer:
/// one job, one subcontract with 10% retainage, a ledger with a Retainage Payable account.
/// </summary>
public static class TenantSeed
{
    public static async Task BaseAsync(TenantData path)
    {
        await using var c = await path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("""
            INSERT INTO project_jobs (id, number, name, status, row_hash) VALUES ('job-1', '2026-014', 'Smith Residence - Kitchen', 'active', 'x');
            INSERT INTO project_cost_codes (code, description, row_hash) VALUES ('22-000', 'Plumbing', 'x'), ('09-900', 'Painting', 'x'), ('31-000', 'Earthwork', 'x');
            INSERT INTO project_vendors (id, name, row_hash) VALUES ('pv-1', 'Rivera Plumbing LLC', 'x');
            INSERT INTO project_commitments (id, job_id, vendor_id, number, kind, status, retainage_bp, row_hash)
                VALUES ('c-1', 'job-1', 'pv-1', 'SC-003', 'subcontract', 'approved', 1000, 'x');
            INSERT INTO ledger_accounts (id, number, name, type, active, row_hash) VALUES
                ('acct-5100', '5100', 'Subcontractors', 'Cost of Goods Sold', 1, 'x'),
                ('acct-2150', '2150', 'Retainage Payable', 'Other Current Liability', 1, 'x');
            INSERT INTO ledger_customers (id, name, parent_id, fully_qualified_name, is_project, active, row_hash) VALUES
                ('cust-1', 'Smith, J', NULL, 'Smith, J', 0, 1, 'x'),
                ('cust-2', 'Kitchen Remodel', 'cust-1', 'Smith, J:Kitchen Remodel', 0, 1, 'x');
            INSERT INTO ledger_vendors (id, name, active, row_hash) VALUES ('lv-1', 'Rivera Plumbing', 1, 'x');
            INSERT INTO map_cost_code_accounts (cost_code, account_id, row_hash) VALUES ('22-000', 'acct-5100', 'x'), ('09-900', 'acct-5100', 'x');
            INSERT INTO map_links (id, kind, project_id, ledger_id, row_hash) VALUES ('l-1', 'job', 'job-1', 'cust-2', 'x');
            """);
    }

    public static async Task SubInvoiceAsync(TenantData path, string id, string number, string status, long amountCents, long retainageCents, string costCode = "22-000")
    {
        await using var c = await path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("""
            INSERT INTO project_sub_invoices (id, commitment_id, number, invoice_date, amount_cents, retainage_cents, status, row_hash)
                VALUES (@id, 'c-1', @number, '2026-11-03', @amountCents, @retainageCents, @status, 'x');
            INSERT INTO project_sub_invoice_lines (id, sub_invoice_id, cost_code, description, amount_cents, row_hash)
                VALUES (@id || '-l1', @id, @costCode, 'Rough-in', @amountCents, 'x');
            """, new { id, number, status, amountCents, retainageCents, costCode });
    }

    public static async Task BillAsync(TenantData path, string id, string vendorId, string docNumber, long totalCents)
    {
        await using var c = await path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("""
            INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, total_cents, row_hash) VALUES (@id, @vendorId, @docNumber, '2026-11-04', @totalCents, 'x');
            INSERT INTO ledger_bill_lines (id, bill_id, line_no, account_id, customer_id, amount_cents, row_hash)
                VALUES (@id || '-1', @id, 1, 'acct-5100', 'cust-2', @totalCents, 'x');
            """, new { id, vendorId, docNumber, totalCents });
    }
}
