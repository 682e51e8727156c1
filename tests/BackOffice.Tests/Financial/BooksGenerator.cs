using System.Globalization;
using BackOffice.Store.Sqlite;
using Dapper;

namespace BackOffice.Tests.Financial;

/// <summary>
/// Writes clean, agreeing books of <c>jobs</c> jobs straight into a tenant database for the sweep benchmark: per job
/// a contract, ten budget lines, five subcontracts each with its PO, <c>linesPerJob</c> ledger bill lines coded to
/// the mapped accounts, one pay app with its invoice. Deterministic (no randomness), so a sweep must find nothing.
/// </summary>
internal static class BooksGenerator
{
    private static readonly string[] Codes = ["01-000", "03-300", "06-100", "06-200", "08-100", "09-250", "09-300", "09-900", "22-000", "26-000"];

    public static async Task WriteAsync(string path, int jobs, int linesPerJob)
    {
        await using var c = await Databases.OpenTenantAsync(path, CancellationToken.None);
        await using var tx = c.BeginTransaction();
        await c.ExecuteAsync("INSERT INTO ledger_accounts (id, number, name, type, active, row_hash) VALUES ('acct-5100', '5100', 'Subcontractors', 'Cost of Goods Sold', 1, 'x'), ('acct-2150', '2150', 'Retainage Payable', 'Other Current Liability', 1, 'x')", transaction: tx);
        await c.ExecuteAsync("INSERT INTO project_cost_codes (code, description, row_hash) VALUES (@code, @code, 'x')", Codes.Select(code => new { code }), tx);
        await c.ExecuteAsync("INSERT INTO map_cost_code_accounts (cost_code, account_id, row_hash) VALUES (@code, 'acct-5100', 'x')", Codes.Select(code => new { code }), tx);
        var vendors = Enumerable.Range(0, 50).Select(v => new { pv = $"pv-{v}", lv = $"lv-{v}", name = $"Vendor {Word(v)} Builders" }).ToList();
        await c.ExecuteAsync("INSERT INTO project_vendors (id, name, row_hash) VALUES (@pv, @name, 'x')", vendors, tx);
        await c.ExecuteAsync("INSERT INTO ledger_vendors (id, name, active, row_hash) VALUES (@lv, @name, 1, 'x')", vendors, tx);
        await c.ExecuteAsync("INSERT INTO ledger_customers (id, name, parent_id, fully_qualified_name, is_project, active, row_hash) VALUES ('cust-p', 'Owner', NULL, 'Owner', 0, 1, 'x')", transaction: tx);
        for (var j = 0; j < jobs; j++)
        {
            await JobAsync(c, tx, j, linesPerJob);
        }

        await tx.CommitAsync();
    }

    private static async Task JobAsync(Microsoft.Data.Sqlite.SqliteConnection c, Microsoft.Data.Sqlite.SqliteTransaction tx, int j, int linesPerJob)
    {
        var job = $"job-{j}";
        var cust = $"cust-{j}";
        await c.ExecuteAsync("INSERT INTO project_jobs (id, number, name, status, contract_cents, row_hash) VALUES (@job, @job, @name, 'active', 300000000, 'x')", new { job, name = $"Project {j}" }, tx);
        await c.ExecuteAsync("INSERT INTO ledger_customers (id, name, parent_id, fully_qualified_name, is_project, active, row_hash) VALUES (@cust, @name, 'cust-p', 'Owner:' || @name, 1, 1, 'x')", new { cust, name = $"Project {j}" }, tx);
        await c.ExecuteAsync("INSERT INTO map_links (id, kind, project_id, ledger_id, row_hash) VALUES (@id, 'job', @job, @cust, 'x')", new { id = $"l-{j}", job, cust }, tx);
        await c.ExecuteAsync("INSERT INTO project_budget_lines (id, job_id, cost_code, original_cents, approved_changes_cents, pm_estimate_at_completion_cents, row_hash) VALUES (@id, @job, @code, 20000000, 0, 20000000, 'x')",
            Codes.Select((code, i) => new { id = $"bl-{j}-{i}", job, code }), tx);
        var commitments = Enumerable.Range(0, 5).Select(k => new { id = $"c-{j}-{k}", job, pv = $"pv-{(j + k) % 50}", lv = $"lv-{(j + k) % 50}", cust, number = $"SC-{j}-{k}", code = Codes[k] }).ToList();
        await c.ExecuteAsync("INSERT INTO project_commitments (id, job_id, vendor_id, number, kind, status, retainage_bp, row_hash) VALUES (@id, @job, @pv, @number, 'subcontract', 'approved', 1000, 'x')", commitments, tx);
        await c.ExecuteAsync("INSERT INTO project_commitment_lines (id, commitment_id, cost_code, amount_cents, row_hash) VALUES (@id || '-1', @id, @code, 15000000, 'x')", commitments, tx);
        await c.ExecuteAsync("INSERT INTO ledger_purchase_orders (id, vendor_id, customer_id, doc_number, txn_date, total_cents, status, row_hash) VALUES ('po-' || @id, @lv, @cust, @number, '2026-01-05', 15000000, 'Open', 'x')", commitments, tx);
        var bills = Enumerable.Range(0, linesPerJob / 4).Select(b => new { id = $"b-{j}-{b}", lv = $"lv-{(j + b) % 50}", doc = $"B{j:D4}X{b:D4}", date = new DateOnly(2026, 1, 1).AddDays(b % 300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).ToList();
        await c.ExecuteAsync("INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, total_cents, row_hash) VALUES (@id, @lv, @doc, @date, 40000, 'x')", bills, tx);
        var lines = bills.SelectMany(b => Enumerable.Range(0, 4).Select(l => new { id = $"{b.id}-{l}", bill = b.id, no = l + 1, cust, code = Codes[(l + b.doc.Length) % Codes.Length] }));
        await c.ExecuteAsync("INSERT INTO ledger_bill_lines (id, bill_id, line_no, account_id, customer_id, item, amount_cents, row_hash) VALUES (@id, @bill, @no, 'acct-5100', @cust, @code, 10000, 'x')", lines, tx);
        await c.ExecuteAsync("INSERT INTO project_pay_apps (id, job_id, number, period_end, work_completed_to_date_cents, stored_materials_cents, retainage_held_to_date_cents, amount_due_cents, status, row_hash) VALUES (@id, @job, '1', '2026-10-31', 50000000, 0, 5000000, 45000000, 'approved', 'x')", new { id = $"pa-{j}", job }, tx);
        await c.ExecuteAsync("INSERT INTO ledger_invoices (id, customer_id, doc_number, txn_date, due_date, total_cents, retainage_cents, row_hash) VALUES (@id, @cust, @id, '2026-11-02', '2026-12-02', 45000000, 5000000, 'x')", new { id = $"inv-{j}", cust }, tx);
    }

    /// <summary>Distinct vendor names that share no words, so name matching alone resolves each one.</summary>
    private static string Word(int n) => string.Concat(n.ToString("D3", CultureInfo.InvariantCulture).Select(d => "abcdefghij"[d - '0'])) + "x";
}
