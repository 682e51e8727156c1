using System.Text.Json.Nodes;
using BackOffice.Agents.Collections;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support.QuickBooks;
using BackOffice.Tools.Collections;
using BackOffice.Tools.Financial;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: BillPayment, CreditMemo and VendorCredit synced from QuickBooks change what A/P and A/R show: a paid bill
/// is not owed, a credit memo lowers the customer's aging, a deleted bill payment reopens its bill.
/// </summary>
public sealed class QuickBooksCreditsSyncTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly AsOf = new(2026, 11, 30);

    [Theory]
    [InlineData(103.55, "Check", null)]           // paid in full: no longer open
    [InlineData(50.00, "Check", 53.55)]           // partly paid: the rest is open
    [InlineData(103.55, "CreditCard", null)]      // CreditCardPayment pays the same way
    public async Task Sync_BillPaidByBillPayment_OpenPayableIsTheRest(decimal paid, string payType, double? open)
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var payment = h.Fake.PayBill("25", paid, payType, updated: DateTimeOffset.UtcNow.AddMinutes(-5));

        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.Equal(open is null ? null : (decimal)open.Value, (await OpenPayablesAsync(h.Tenant)).SingleOrDefault(p => p.BillId == "25")?.Amount);
        await using var c = await h.Tenant.OpenAsync(Ct);
        var row = await c.QuerySingleAsync<(string Vendor, string PayType, string Origin)>($"SELECT vendor_id, pay_type, origin FROM ledger_bill_payments WHERE id = '{payment}'");
        Assert.Equal(("46", payType, "quickbooks"), row);
    }

    [Fact]
    public async Task Cdc_BillPaymentDeleted_ReopensTheBillAndJournalsIt()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var payment = h.Fake.PayBill("25", 103.55m, updated: DateTimeOffset.UtcNow.AddMinutes(-5));
        var sync = h.Get<QuickBooksSync>();
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        Assert.DoesNotContain(await OpenPayablesAsync(h.Tenant), p => p.BillId == "25");
        var latest = await h.Tenant.Changes.LatestAsync(Ct);

        h.Fake.Remove("BillPayment", payment);
        var report = await sync.SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.StartsWith("changes since", report.Mode, StringComparison.Ordinal);
        Assert.Equal(new SyncCounts(1, 0, 0, 1), report.Entities["BillPayment"]);
        Assert.Equal(103.55m, Assert.Single(await OpenPayablesAsync(h.Tenant), p => p.BillId == "25").Amount);
        var touched = await h.Tenant.Changes.SinceAsync(latest, Ct);
        Assert.Contains(touched, e => e.Kind == "ledger_bills" && e.Key == "25");
    }

    [Fact]
    public async Task Sync_VendorCredit_IsTakenOffTheVendorsOpenBill()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        h.Fake.Add("VendorCredit", FakeQuickBooks.VendorCredit("46", 10.00m, 3.55m), DateTimeOffset.UtcNow.AddMinutes(-5));

        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        // $103.55 owed less the $3.55 of the credit still unapplied (the other $6.45 was applied elsewhere).
        Assert.Equal(100.00m, Assert.Single(await OpenPayablesAsync(h.Tenant), p => p.BillId == "25").Amount);
    }

    [Fact]
    public async Task Sync_UnappliedCreditMemo_LowersTheCustomersAging()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        h.Fake.Add("CreditMemo", FakeQuickBooks.CreditMemo("59", 300.00m, 300.00m, "2026-11-30"), DateTimeOffset.UtcNow.AddMinutes(-5));

        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        // Invoice 1001: $5,000 less the $2,500 payment applied is $2,500 open (30 days past due on Nov 30, in 1-30); the
        // $300 credit dated Nov 30 is current and negative, so the customer owes $2,200.
        var row = await AgingOf(h.Tenant, "59");
        Assert.Equal(2200.00m, row.Total);
        Assert.Equal(2500.00m, row.Buckets["1-30"]);
        Assert.Equal(-300.00m, row.Buckets["current"]);
    }

    [Fact]
    public async Task Sync_CreditMemoAppliedByPayment_CountsOnceOnTheInvoice()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var memo = h.Fake.Add("CreditMemo", FakeQuickBooks.CreditMemo("59", 200.00m, 0m), before);
        // Applying a credit in Receive Payment makes a Payment of $0 linking the invoice and the credit memo (Intuit's
        // Payment reference: Line[].LinkedTxn with TxnType Invoice or CreditMemo).
        h.Fake.Add("Payment", new JsonObject
        {
            ["CustomerRef"] = new JsonObject { ["value"] = "59" }, ["TxnDate"] = "2026-11-03", ["TotalAmt"] = 0m, ["UnappliedAmt"] = 0m,
            ["Line"] = new JsonArray(
                new JsonObject { ["Amount"] = 200m, ["LinkedTxn"] = new JsonArray(new JsonObject { ["TxnId"] = "130", ["TxnType"] = "Invoice" }) },
                new JsonObject { ["Amount"] = 200m, ["LinkedTxn"] = new JsonArray(new JsonObject { ["TxnId"] = memo, ["TxnType"] = "CreditMemo" }) }),
        }, before);

        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.Equal(2300.00m, (await AgingOf(h.Tenant, "59")).Total);
    }

    [Fact]
    public async Task Sync_BillPaymentWithUnknownPayType_FailsNamingTheFieldAndWritesNothing()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var payment = FakeQuickBooks.BillPayment("46", "25", 10m);
        payment["PayType"] = "Cash";
        h.Fake.Add("BillPayment", payment, DateTimeOffset.UtcNow.AddMinutes(-5));

        var ex = await Assert.ThrowsAsync<QuickBooksResponseException>(() => h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct));

        Assert.Contains("BillPayment", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'PayType'", ex.Message, StringComparison.Ordinal);
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_bill_payments"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_bill_payment_lines"));
    }

    private static async Task<IReadOnlyList<Payable>> OpenPayablesAsync(TenantData tenant)
    {
        var bills = (await tenant.Cash.BillsDueAsync(Ct)).Select(b => new Payable(b.BillId, b.DueDate ?? AsOf, b.Total, b.VendorId)).ToList();
        return OpenPayablesTools.Open(bills, await tenant.Cash.BillPaymentLinesAsync(Ct), await tenant.Cash.VendorCreditsAsync(Ct), AsOf);
    }

    private static async Task<AgingRow> AgingOf(TenantData tenant, string customer)
    {
        var data = await CollectionsData.LoadAsync(tenant, null, Ct);
        return Assert.Single(CollectionsWorklist.Compute(data, AsOf, AgingBuckets.Standard).Aging, r => r.CustomerId == customer);
    }
}
