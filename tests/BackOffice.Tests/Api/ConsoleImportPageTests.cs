using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 14's console import page over HTTP against the real host: upload an export file, see the mapping, the first
/// rows and every row error by file, row and field, then confirm (the code `import --source` runs, one unit, journaled)
/// or see nothing written. The file waits server-side under a random id; size, roles and anti-forgery are enforced.
/// </summary>
public sealed partial class ConsoleImportPageTests : IDisposable
{
    /// <summary>A Buildertrend purchase-order export as downloaded (title row, blank row, $ amounts, MM/dd/yyyy) naming the seeded job, vendor and cost code.</summary>
    public const string GoodPurchaseOrders = "Purchase Orders\n,,,,,,,\nJob,PO #,Title,PO Status,Performed By,Cost,Cost Code,Created Date\n" +
        "Smith Residence - Kitchen,7,Rough-in plumbing,Sent,Rivera Plumbing LLC,\"$4,250.00\",22-000 - Plumbing,09/14/2026\n";

    private const string BadPurchaseOrders = "Purchase Orders\n\nJob,PO #,Title,PO Status,Performed By,Cost,Cost Code,Created Date\n" +
        "Smith Residence - Kitchen,8,Slab,Sent,Rivera Plumbing LLC,\"$1,2345.00\",22-000,09/14/2026\n" +
        "Smith Residence - Kitchen,9,Paint,Sent,Rivera Plumbing LLC,$100.00,09-900,13/01/2026\n";

    private readonly ConsoleFactory _factory = new(settings: new Dictionary<string, string?> { ["Console:ImportMaxBytes"] = "4096" });
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _factory.Dispose();

    private TenantData Acme => _factory.Get<TenantDataSource>().For("acme");

    [Fact]
    public async Task Upload_GoodExport_PreviewShowsMappingAndRowsThenConfirmImportsJournaledAndDeletesTheFile()
    {
        var sam = await SignedInAsync("sam");
        var journal = await CountAsync("change_journal");

        var preview = await UploadAsync(sam, "purchase-orders.csv", GoodPurchaseOrders);

        Assert.Contains("buildertrend <strong>purchase-orders</strong>, header on row 3", preview.Page);
        Assert.Contains("<td>vendor</td><td>Performed By</td>", preview.Page);
        Assert.Contains("<td>Rough-in plumbing</td>", preview.Page);
        Assert.Contains("id=\"no-problems\"", preview.Page);
        Assert.Single(Directory.GetDirectories(UploadsRoot()));
        var done = await PressAsync(sam, preview, "confirm");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Imported purchase-orders.csv: ", WebUtility.HtmlDecode(await sam.GetStringAsync(done.Headers.Location!.ToString())));
        Assert.Equal(425000L, await ScalarAsync("SELECT SUM(amount_cents) FROM project_commitment_lines WHERE id LIKE 'bt-%'"));
        Assert.True(await CountAsync("change_journal") > journal, "the import is journaled for the incremental sweep");
        Assert.Contains(await EventsAsync(), e => e.Kind == "import.completed" && e.Actor == "sam");
        Assert.Empty(Directory.GetDirectories(UploadsRoot()));
    }

    [Fact]
    public async Task Upload_BadRows_EachErrorNamedByFileRowAndField_ConfirmWritesNothing()
    {
        var dana = await SignedInAsync("dana");
        var before = await CountAsync("project_commitments");

        var preview = await UploadAsync(dana, "po.csv", BadPurchaseOrders);
        var refused = await PressAsync(dana, preview, "confirm", acceptGoodRows: false);

        Assert.Contains("<td>po.csv</td><td>4</td><td>Cost</td><td>expected an amount like $1,234.50 or (1,234.50), got &#39;$1,2345.00&#39;</td>", preview.Page);
        Assert.Contains("<td>po.csv</td><td>5</td><td>Created Date</td><td>expected a date as MM/dd/yyyy, got &#39;13/01/2026&#39;</td>", preview.Page);
        Assert.Contains("Import the good rows, hold back 2", preview.Page);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Nothing was imported", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync("project_commitments"));
        Assert.DoesNotContain(await EventsAsync(), e => e.Kind == "import.completed" && e.Actor == "dana");
    }

    [Fact]
    public async Task Upload_OverTheConfiguredSize_PlainErrorAndNothingKept()
    {
        var sam = await SignedInAsync("sam");

        var response = await PostUploadAsync(sam, "big.csv", GoodPurchaseOrders + new string(' ', 5000), "buildertrend", "");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("the import takes at most 4,096 (Console:ImportMaxBytes)", await response.Content.ReadAsStringAsync());
        Assert.False(Directory.Exists(UploadsRoot()) && Directory.GetDirectories(UploadsRoot()).Length > 0);
    }

    [Fact]
    public async Task Upload_KindChosenIsNotTheFiles_SaidAndNoConfirm()
    {
        var preview = await UploadAsync(await SignedInAsync("sam"), "purchase-orders.csv", GoodPurchaseOrders, kind: "bills");

        Assert.Contains("purchase-orders.csv: you chose bills, but its header is a purchase-orders export.", WebUtility.HtmlDecode(preview.Page));
        Assert.DoesNotContain("/confirm\"", preview.Page);
    }

    [Theory]
    [InlineData("vic")]
    [InlineData("alex")]
    public async Task ImportPage_NeitherAdminNorFinanceLead_403(string user)
    {
        var browser = await SignedInAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/t/acme/import")).StatusCode);
        Assert.DoesNotContain("/t/acme/import\"", await browser.GetStringAsync("/t/acme/inbox"));
        var token = FormToken().Match(await browser.GetStringAsync("/t/acme/inbox"));

        var post = await PostUploadAsync(browser, "po.csv", GoodPurchaseOrders, "buildertrend", "", token);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(Directory.Exists(UploadsRoot()));
    }

    [Fact]
    public async Task Preview_AnotherUsersOrAnUnknownOrAPathLikeId_NotFound()
    {
        var preview = await UploadAsync(await SignedInAsync("sam"), "po.csv", GoodPurchaseOrders);
        var dana = await SignedInAsync("dana");

        foreach (var id in new[] { preview.Id, "0123456789abcdef0123456789abcdef", "..%2F..%2Fcontrol.db" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await dana.GetAsync($"/t/acme/import/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task Upload_WithoutTheAntiForgeryToken_400()
    {
        var sam = await SignedInAsync("sam");
        using var form = new MultipartFormDataContent { { new StringContent("buildertrend"), "source" }, { new ByteArrayContent(Encoding.UTF8.GetBytes(GoodPurchaseOrders)), "file", "po.csv" } };

        Assert.Equal(HttpStatusCode.BadRequest, (await sam.PostAsync("/t/acme/import", form)).StatusCode);
    }

    public sealed record Preview(string Id, string Page);

    public async Task<Preview> UploadAsync(HttpClient browser, string name, string text, string source = "buildertrend", string kind = "")
    {
        var response = await PostUploadAsync(browser, name, text, source, kind);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        return new Preview(location[(location.LastIndexOf('/') + 1)..], await browser.GetStringAsync(location));
    }

    private static async Task<HttpResponseMessage> PostUploadAsync(HttpClient browser, string name, string text, string source, string kind, Match? token = null)
    {
        token ??= FormToken().Match(await browser.GetStringAsync("/t/acme/import"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[2].Value)), token.Groups[1].Value },
            { new StringContent(source), "source" }, { new StringContent(kind), "kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name },
        };
        return await browser.PostAsync("/t/acme/import", form);
    }

    private static Task<HttpResponseMessage> PressAsync(HttpClient browser, Preview preview, string verb, bool acceptGoodRows = true)
    {
        var token = FormToken().Match(preview.Page);
        var fields = new Dictionary<string, string> { [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value) };
        if (acceptGoodRows && preview.Page.Contains("name=\"acceptGoodRows\"", StringComparison.Ordinal))
        {
            fields["acceptGoodRows"] = "yes";
        }

        return browser.PostAsync($"/t/acme/import/{preview.Id}/{verb}", new FormUrlEncodedContent(fields));
    }

    private string UploadsRoot() => Path.Combine(_factory.Root, "uploads", "acme");

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var browser = _factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(browser, user, ConsoleFactory.Password)).StatusCode);
        return browser;
    }

    private async Task<long> CountAsync(string table) => await ScalarAsync($"SELECT COUNT(*) FROM {table}");

    private async Task<long> ScalarAsync(string sql)
    {
        await using var unit = await Acme.ReadAsync(_ct);
        return await unit.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, transaction: unit.Transaction, cancellationToken: _ct)) ?? 0;
    }

    private async Task<IReadOnlyList<AuditEvent>> EventsAsync()
    {
        await using var unit = await Acme.ReadAsync(_ct);
        return await AuditStore.ReadAllAsync(unit, _ct);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex FormToken();
}
