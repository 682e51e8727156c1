using BackOffice.Store.Sqlite;
using Dapper;

namespace BackOffice.Tests.Financial;

/// <summary>
/// Plants one discrepancy of every worklist category into books written by <see cref="BooksGenerator"/> (at least
/// ten jobs) and returns the manifest: the worklist keys a correct reconciliation must report, and nothing else.
/// </summary>
internal static class DriftPlanter
{
    public static async Task<IReadOnlyList<string>> PlantAsync(string path)
    {
        await using var c = await Databases.OpenTenantAsync(path, CancellationToken.None);
        await c.ExecuteAsync("""
            UPDATE ledger_purchase_orders SET total_cents = total_cents + 500000 WHERE id = 'po-c-0-0';
            INSERT INTO project_change_orders (id, job_id, kind, commitment_id, number, status, amount_cents, cost_code, approved_date, row_hash) VALUES
                ('cco-1', 'job-1', 'commitment', 'c-1-0', 'CCO-1', 'approved', 200000, '01-000', '2026-10-01', 'x'),
                ('cco-2', 'job-2', 'commitment', 'c-2-0', 'CCO-2', 'pending', 300000, '01-000', NULL, 'x');
            UPDATE ledger_purchase_orders SET total_cents = total_cents + 300000 WHERE id = 'po-c-2-0';
            INSERT INTO project_vendors (id, name, row_hash) VALUES ('pv-new', 'Granite Works', 'x');
            INSERT INTO ledger_vendors (id, name, active, row_hash) VALUES ('lv-new', 'Granite Works Inc', 1, 'x');
            INSERT INTO project_commitments (id, job_id, vendor_id, number, kind, status, retainage_bp, row_hash)
                VALUES ('c-3-9', 'job-3', 'pv-new', 'SC-3-9', 'subcontract', 'approved', 1000, 'x');
            INSERT INTO project_commitment_lines (id, commitment_id, cost_code, amount_cents, row_hash) VALUES ('c-3-9-1', 'c-3-9', '01-000', 900000, 'x');
            INSERT INTO project_sub_invoices (id, commitment_id, number, invoice_date, amount_cents, retainage_cents, status, row_hash) VALUES
                ('si-4', 'c-4-0', 'SI-4', '2026-10-10', 1000000, 100000, 'approved', 'x'),
                ('si-5', 'c-5-0', 'SI-5', '2026-10-10', 1000000, 100000, 'approved', 'x');
            INSERT INTO project_sub_invoice_lines (id, sub_invoice_id, cost_code, amount_cents, row_hash) VALUES
                ('si-4-1', 'si-4', '01-000', 1000000, 'x'), ('si-5-1', 'si-5', '03-300', 1000000, 'x');
            INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, total_cents, row_hash) VALUES
                ('bill-si-4', 'lv-4', 'SI-4', '2026-10-11', 950000, 'x'), ('bill-si-5', 'lv-5', 'SI-5', '2026-10-11', 900000, 'x');
            INSERT INTO ledger_bill_lines (id, bill_id, line_no, account_id, customer_id, item, amount_cents, row_hash) VALUES
                ('bill-si-4-1', 'bill-si-4', 1, 'acct-5100', 'cust-4', '01-000', 1050000, 'x'), ('bill-si-4-2', 'bill-si-4', 2, 'acct-2150', 'cust-4', NULL, -100000, 'x'),
                ('bill-si-5-1', 'bill-si-5', 1, 'acct-5100', 'cust-5', '03-300', 950000, 'x'), ('bill-si-5-2', 'bill-si-5', 2, 'acct-2150', 'cust-5', NULL, -50000, 'x');
            DELETE FROM ledger_invoices WHERE id = 'inv-6';
            UPDATE ledger_invoices SET total_cents = 44000000 WHERE id = 'inv-7';
            UPDATE ledger_invoices SET retainage_cents = 4000000 WHERE id = 'inv-8';
            INSERT INTO ledger_payments (id, customer_id, txn_date, total_cents, unapplied_cents, reference, row_hash)
                VALUES ('pmt-9', 'cust-9', '2026-11-01', 123400, 123400, 'Check 9', 'x');
            INSERT INTO project_jobs (id, number, name, status, contract_cents, substantial_completion_date, row_hash)
                VALUES ('job-closed', 'old', 'Old Closed Job', 'closed', 1000000, '2026-01-31', 'x');
            INSERT INTO ledger_customers (id, name, parent_id, fully_qualified_name, is_project, active, row_hash)
                VALUES ('cust-closed', 'Old Closed Job', 'cust-p', 'Owner:Old Closed Job', 1, 1, 'x');
            INSERT INTO map_links (id, kind, project_id, ledger_id, row_hash) VALUES ('l-closed', 'job', 'job-closed', 'cust-closed', 'x');
            INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, total_cents, row_hash) VALUES ('bill-late', 'lv-0', 'LATE-1', '2026-03-01', 64000, 'x');
            INSERT INTO ledger_bill_lines (id, bill_id, line_no, account_id, customer_id, item, amount_cents, row_hash)
                VALUES ('bill-late-1', 'bill-late', 1, 'acct-5100', 'cust-closed', '01-000', 64000, 'x');
            INSERT INTO ledger_accounts (id, number, name, type, active, row_hash) VALUES
                ('acct-5300', '5300', 'Equipment Rental', 'Cost of Goods Sold', 1, 'x'), ('acct-2100', '2100', 'Card', 'Credit Card', 1, 'x');
            INSERT INTO ledger_journal_entries (id, txn_date, doc_number, memo, row_hash) VALUES ('je-p', '2026-11-05', 'JE-P', 'Dumpster', 'x');
            INSERT INTO ledger_journal_lines (id, journal_entry_id, line_no, account_id, posting_type, amount_cents, customer_id, item, row_hash) VALUES
                ('je-p-1', 'je-p', 1, 'acct-5300', 'Debit', 68500, 'cust-1', '22-000', 'x'), ('je-p-2', 'je-p', 2, 'acct-2100', 'Credit', 68500, NULL, NULL, 'x');
            INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, total_cents, row_hash)
                SELECT 'b-2-dup', vendor_id, doc_number, '2026-06-01', total_cents, 'x' FROM ledger_bills WHERE id = 'b-2-0';
            """);
        return
        [
            "commitment-amount-differs:c-0-0", "change-order-missing-in-ledger:c-1-0", "change-order-ledger-only:c-2-0",
            "commitment-not-in-ledger:c-3-9", "sub-invoice-bill-differs:si-4", "sub-invoice-retainage-differs:si-5",
            "pay-app-not-invoiced:pa-6", "pay-app-amount-differs:pa-7", "retainage-carried-differently:job-8", "payment-unapplied:pmt-9",
            "cost-on-closed-job:bill-late-1", "cost-code-account-mismatch:je-p-1", "duplicate-bill:b-2-dup",
        ];
    }
}
