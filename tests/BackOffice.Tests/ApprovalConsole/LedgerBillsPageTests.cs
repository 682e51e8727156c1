using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Store.Bundle;
using BackOffice.Store.Bundle.Generator;
using BackOffice.Store.Records;
using BackOffice.Tests.Api;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: the ledger-bills list filters, sorts and pages in SQL with a keyset cursor (LedgerStore.BillPageAsync).
/// Each filter and sort is checked over HTTP against the same bills read whole and filtered and sorted with LINQ: every
/// page followed by its "Next" link, no bill twice, none skipped. The tenant is generated (20 jobs, 30 lines each).
/// </summary>
public sealed partial class LedgerBillsPageTests : IClassFixture<LedgerBillsPageTests.Tenant>
{
    private readonly Tenant _tenant;

    public LedgerBillsPageTests(Tenant tenant) => _tenant = tenant;

    /// <summary>A generated tenant "beta" behind a console whose pages hold 7 rows, so every list spans many pages.</summary>
    public sealed class Tenant : IAsyncLifetime
    {
        public ConsoleFactory Factory { get; } = new(settings: new Dictionary<string, string?> { ["Console:PageSize"] = "10" });

        public IReadOnlyList<Bill> Bills { get; private set; } = [];

        public async Task InitializeAsync()
        {
            _ = Factory.Browser();
            var bundle = BundleGenerator.Write(Path.Combine(Factory.Root, "bundle-20"), new GeneratorOptions(20, 3, 30));
            await new BundleImporter(new ManualClock()).ImportAsync(bundle.Directory, Factory.TenantPath("beta"), "test", null, CancellationToken.None);
            var ledger = Factory.TenantPath("beta").Ledger;
            var vendors = (await ledger.VendorsAsync(CancellationToken.None)).ToDictionary(v => v.Id, v => v.Name);
            Bills = [.. (await ledger.BillsAsync(CancellationToken.None)).Select(b => new Bill(
                b.Id, vendors[b.VendorId], b.DocNumber ?? "", b.TxnDate, b.Total, b.Origin, [.. b.Lines.Select(l => l.CustomerId).OfType<string>()]))];
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    public sealed record Bill(string Id, string Vendor, string DocNumber, DateOnly TxnDate, decimal Total, string Origin, IReadOnlyList<string> Customers);

    [Theory]
    [InlineData("txnDate", false)]
    [InlineData("txnDate", true)]
    [InlineData("total", false)]
    [InlineData("total", true)]
    [InlineData("vendor", false)]
    [InlineData("vendor", true)]
    [InlineData("docNumber", false)]
    [InlineData("id", true)]
    [InlineData("origin", false)]
    public async Task Sort_EveryPageFollowed_GivesEveryBillOnceInThatOrder(string sort, bool descending)
    {
        var ids = await WalkAsync($"sort={sort}{(descending ? "&dir=desc" : "")}");

        Assert.Equal(Sorted(_tenant.Bills, sort, descending).Select(b => b.Id), ids);
    }

    [Fact]
    public async Task Filters_Search_FindsIdNumberOrVendorAnyCase()
    {
        var vendor = _tenant.Bills[0].Vendor;
        var word = vendor.Split(' ')[0].ToUpperInvariant();

        var ids = await WalkAsync($"q={Uri.EscapeDataString(word)}");

        Assert.Equal(Expected(b => b.Vendor.Contains(word, StringComparison.OrdinalIgnoreCase) || b.Id.Contains(word, StringComparison.OrdinalIgnoreCase)
                                   || b.DocNumber.Contains(word, StringComparison.OrdinalIgnoreCase)), ids);
        Assert.NotEmpty(ids);
    }

    [Fact]
    public async Task Filters_Vendor_OnlyThatVendorsBills()
    {
        var vendor = _tenant.Bills[^1].Vendor;

        Assert.Equal(Expected(b => b.Vendor == vendor), await WalkAsync($"f_vendor={Uri.EscapeDataString(vendor)}"));
    }

    [Fact]
    public async Task Filters_Origin_OnlyThatOrigin()
    {
        var origin = _tenant.Bills[0].Origin;

        Assert.Equal(Expected(b => b.Origin == origin), await WalkAsync($"f_origin={origin}"));
    }

    [Fact]
    public async Task Filters_DateRange_BothEndsIncluded()
    {
        var days = _tenant.Bills.Select(b => b.TxnDate).Distinct().Order().ToList();
        var (from, to) = (days[days.Count / 4], days[days.Count / 2]);

        var ids = await WalkAsync($"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

        Assert.Equal(Expected(b => b.TxnDate >= from && b.TxnDate <= to), ids);
        Assert.Contains(_tenant.Bills.First(b => b.TxnDate == from).Id, ids);
        Assert.Contains(_tenant.Bills.First(b => b.TxnDate == to).Id, ids);
    }

    [Fact]
    public async Task Filters_AmountRange_BothEndsIncluded()
    {
        var totals = _tenant.Bills.Select(b => b.Total).Order().ToList();
        var (min, max) = (totals[totals.Count / 3], totals[2 * totals.Count / 3]);

        var ids = await WalkAsync(string.Create(CultureInfo.InvariantCulture, $"min=${min:N2}&max={max}"));

        Assert.Equal(Expected(b => b.Total >= min && b.Total <= max), ids);
    }

    [Fact]
    public async Task Filters_Job_BillsWithALineOnItsCustomer()
    {
        var customer = _tenant.Bills.SelectMany(b => b.Customers).GroupBy(c => c).OrderBy(g => g.Count()).First().Key;

        var ids = await WalkAsync($"job={Uri.EscapeDataString(customer)}");

        Assert.Equal(Expected(b => b.Customers.Contains(customer)), ids);
        Assert.NotEmpty(ids);
    }

    [Fact]
    public async Task Page_ShowsCountAndTotalOfEveryMatchingBill_NotJustThePage()
    {
        var browser = await BrowserAsync();

        var page = await browser.GetStringAsync("/t/beta/reports/ledger-bills?asOf=2026-11-20");

        Assert.Contains($"Showing 1–10 of {_tenant.Bills.Count.ToString("N0", CultureInfo.InvariantCulture)}", page, StringComparison.Ordinal);
        Assert.Contains(BackOffice.Domain.Money.MoneyText.Usd(_tenant.Bills.Sum(b => b.Total)), page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("f_jobs=x", "cannot be filtered by &#39;jobs&#39;")]
    [InlineData("sort=jobs", "cannot be sorted by &#39;jobs&#39;")]
    [InlineData("cursor=not-a-cursor", "is not a cursor this list gave")]
    [InlineData("job=2026-999", "There is no job &#39;2026-999&#39;")]
    public async Task Page_BadFilter_400NamingIt(string query, string expected)
    {
        var response = await (await BrowserAsync()).GetAsync($"/t/beta/reports/ledger-bills?asOf=2026-11-20&{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_HoldsEveryMatchingBillInOrder()
    {
        var csv = await (await BrowserAsync()).GetStringAsync("/t/beta/exports/ledger-bills.csv?asOf=2026-11-20&sort=total&dir=desc");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(_tenant.Bills.Count + 2, lines.Length); // a header, every bill, the total
    }

    private List<string> Expected(Func<Bill, bool> keep) => [.. Sorted(_tenant.Bills.Where(keep), "txnDate", false).Select(b => b.Id)];

    private static IEnumerable<Bill> Sorted(IEnumerable<Bill> bills, string sort, bool descending)
    {
        // Both engines compare text as bytes (SQLite's default, COLLATE "C" on PostgreSQL): ordinal here.
        Func<Bill, IComparable> key = sort switch
        {
            "txnDate" => b => b.TxnDate, "total" => b => b.Total, "vendor" => b => b.Vendor, "docNumber" => b => b.DocNumber,
            "origin" => b => b.Origin, _ => b => b.Id,
        };
        var comparer = Comparer<IComparable>.Create((a, b) => a is string x && b is string y ? string.CompareOrdinal(x, y) : a.CompareTo(b));
        var ids = Comparer<string>.Create(string.CompareOrdinal);
        return descending ? bills.OrderByDescending(key, comparer).ThenByDescending(b => b.Id, ids) : bills.OrderBy(key, comparer).ThenBy(b => b.Id, ids);
    }

    /// <summary>Follows "Next" from the first page to the last, collecting each row's bill id.</summary>
    private async Task<List<string>> WalkAsync(string query)
    {
        var browser = await BrowserAsync();
        var ids = new List<string>();
        var url = $"/t/beta/reports/ledger-bills?asOf=2026-11-20&{query}";
        for (var pages = 0; url is not null; pages++)
        {
            Assert.True(pages < 1000, "the pages end");
            var response = await browser.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, html);
            ids.AddRange(RowLink().Matches(html).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)));
            var next = NextLink().Match(html);
            url = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }

        return ids;
    }

    private async Task<HttpClient> BrowserAsync()
    {
        var browser = _tenant.Factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(browser, "bea", ConsoleFactory.Password)).StatusCode);
        return browser;
    }

    [GeneratedRegex("href=\"/t/beta/reports/ledger-bills/([^\"?]+)\\?")]
    private static partial Regex RowLink();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">Next</a>")]
    private static partial Regex NextLink();
}
