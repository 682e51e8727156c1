using System.Globalization;
using BackOffice.Domain.Financial;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tests.Support.Procore;
using BackOffice.Tools.Financial;
using Dapper;

namespace BackOffice.Tests.Procore;

/// <summary>
/// Issue 14: a Procore direct cost is not counted twice in job cost when the ledger carries the same cost (a bill of the
/// same vendor, invoice number and amount); Agents:financial:DirectCosts picks Match (default), Include or
/// ExcludeWhenLedgerConnected. The fake project's direct cost: AR-5521, Anytown Rental, $1,250.00, approved 2026-04-12.
/// </summary>
public sealed class ProcoreDirectCostRuleTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    // No ledger bill: the direct cost is the only cost of the job.
    [InlineData("Match", null, "1250.00")]
    // The ledger's bill is the same cost: counted once, as the ledger's.
    [InlineData("Match", "AR-5521", "1250.00")]
    // Another invoice of the vendor: two costs.
    [InlineData("Match", "AR-9999", "2500.00")]
    [InlineData("Include", "AR-5521", "2500.00")]
    [InlineData("ExcludeWhenLedgerConnected", "AR-9999", "1250.00")]
    [InlineData("ExcludeWhenLedgerConnected", null, "1250.00")]
    public async Task JobCost_DirectCostAndLedgerBill_CountsByTheRule(string mode, string? billNumber, string expectedAc)
    {
        await using var h = await ProcoreHarness.StartAsync(new() { ["Agents:financial:DirectCosts"] = mode });
        var project = h.Seed(1)[0];
        await h.ConnectServiceAccountAsync();
        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        await LedgerAsync(h, billNumber);
        var report = h.Get<IEnumerable<IReport>>().Single(r => r.Name == "earned-value");

        var table = await report.RunAsync(new ReportRequest(h.Tenant, new DateOnly(2026, 4, 30), "pc-prj-" + project.Id.ToString(CultureInfo.InvariantCulture)), Ct);

        Assert.Equal(expectedAc, (string?)table.Rows.Single(r => (string?)r["measure"] == "AC")["value"]);
    }

    [Theory]
    [InlineData("Anytown Rental", "AR-5521", 1250.00, 0)]
    [InlineData("ANYTOWN RENTAL", " ar-5521 ", 1250.00, 0)]
    [InlineData("Anytown Rental", "AR-5521", 1250.01, 2)]
    [InlineData("Summit Rental", "AR-5521", 1250.00, 2)]
    public void Countable_Match_LeavesOutWhatALedgerBillCarries(string vendor, string number, double total, int expected)
    {
        DirectCostLine[] lines = [Line(1000m, "01-000"), Line(250m, "03-300")];

        var countable = DirectCostRule.Countable(lines, [new LedgerBillKey(vendor, number, (decimal)total)], DirectCostMode.Match);

        Assert.Equal(expected, countable.Count);
    }

    private static DirectCostLine Line(decimal amount, string code) => new("pc-dc-1", "pc-prj-1", "Anytown Rental", "AR-5521", 1250m, code, amount);

    /// <summary>The job's ledger customer, and when <paramref name="billNumber"/> is set a $1,250.00 bill of Anytown Rental on it.</summary>
    private static async Task LedgerAsync(ProcoreHarness h, string? billNumber)
    {
        await using var c = await h.Tenant.OpenAsync(Ct);
        await c.ExecuteAsync(
            """
            INSERT INTO ledger_customers (id, name, fully_qualified_name, is_project, active, row_hash) VALUES ('cust-p1', 'P-1: Project 1', 'P-1: Project 1', 1, 1, 'x');
            INSERT INTO ledger_accounts (id, number, name, type, active, row_hash) VALUES ('acct-5100', '5100', 'Equipment rental', 'Cost of Goods Sold', 1, 'x');
            INSERT INTO ledger_vendors (id, name, active, row_hash) VALUES ('lv-1', 'Anytown Rental', 1, 'x');
            """);
        if (billNumber is not null)
        {
            await c.ExecuteAsync(
                """
                INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, total_cents, row_hash) VALUES ('bill-1', 'lv-1', @billNumber, '2026-04-14', 125000, 'x');
                INSERT INTO ledger_bill_lines (id, bill_id, line_no, account_id, customer_id, item, amount_cents, row_hash)
                VALUES ('bill-1-1', 'bill-1', 1, 'acct-5100', 'cust-p1', '01-000', 125000, 'x');
                """, new { billNumber });
        }
    }
}
