using BackOffice.Store.Bundle;
using BackOffice.Store.Records;
using BackOffice.Store.Worklists;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 17: the ledger-bills list's SQL (<see cref="LedgerStore.BillPageAsync"/>) on either engine: pages of three
/// followed by their cursors give the bills LINQ gives from the whole books, filtered and sorted alike, with the count
/// and total of every match.
/// </summary>
public sealed class LedgerBillPagesTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [StoreProviders]
    public async Task BillPage_PagesFollowedByCursor_SameAsTheWholeBooksFilteredAndSorted(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("demo");
        await new BundleImporter(TimeProvider.System).ImportAsync(RepoPaths.DemoBundle, tenant, "test", null, Ct);
        var bills = await tenant.Ledger.BillsAsync(Ct);
        var middle = bills.Select(b => b.TxnDate).Order().ElementAt(bills.Count / 2);
        var customer = bills.SelectMany(b => b.Lines).Select(l => l.CustomerId).OfType<string>().First();

        var byTotal = await WalkAsync(tenant.Ledger, Query("total", descending: true));
        var fromMiddle = await WalkAsync(tenant.Ledger, Query("txnDate", descending: false) with { From = middle, MinTotal = 1m });
        var ofCustomer = await WalkAsync(tenant.Ledger, Query("id", descending: true) with { Customers = [customer] });

        Assert.Equal(bills.OrderByDescending(b => b.Total).ThenByDescending(b => b.Id, StringComparer.Ordinal).Select(b => b.Id), byTotal.Ids);
        Assert.Equal((bills.Count, bills.Sum(b => b.Total)), byTotal.Totals);
        var kept = bills.Where(b => b.TxnDate >= middle && b.Total >= 1m).ToList();
        Assert.Equal(kept.OrderBy(b => b.TxnDate).ThenBy(b => b.Id, StringComparer.Ordinal).Select(b => b.Id), fromMiddle.Ids);
        Assert.Equal((kept.Count, kept.Sum(b => b.Total)), fromMiddle.Totals);
        Assert.Equal(bills.Where(b => b.Lines.Any(l => l.CustomerId == customer)).Select(b => b.Id).OrderDescending(StringComparer.Ordinal), ofCustomer.Ids);
    }

    private static LedgerBillListQuery Query(string sort, bool descending) =>
        new(null, null, null, null, null, null, null, null, null, sort, descending, 3, null);

    private static async Task<(List<string> Ids, (long, decimal) Totals)> WalkAsync(LedgerStore ledger, LedgerBillListQuery query)
    {
        var ids = new List<string>();
        KeysetCursor? after = null;
        LedgerBillListPage page;
        do
        {
            page = await ledger.BillPageAsync(query with { After = after }, Ct);
            Assert.InRange(page.Rows.Count, 0, 3);
            ids.AddRange(page.Rows.Select(r => r.Id));
            after = page.Next is null ? null : KeysetCursor.Parse(page.Next.ToString());
        }
        while (after is not null);

        return (ids, (page.Count, page.Sum));
    }
}
