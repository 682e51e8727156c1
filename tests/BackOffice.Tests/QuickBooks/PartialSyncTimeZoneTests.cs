using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Api;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: "sync incomplete" and the partial-sync warning give their times in the tenant's time zone, as the console
/// shows other times (here Asia/Tokyo, UTC+9 with no daylight saving: 22:00 UTC on Nov 27 is 7:00 AM on Nov 28), in the
/// console, the CLI and the API, whose text keeps ISO 8601 with the zone's offset.
/// </summary>
[Collection(nameof(QuickBooksCliCollection))]
public sealed class PartialSyncTimeZoneTests
{
    private const string Shown = "sync incomplete: bills through page 2, started Nov 28, 2026 7:00 AM, last page at Nov 28, 2026 7:05 AM";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ConsoleAndApi_TokyoTenant_SyncIncompleteTimesInTokyo()
    {
        var settings = ConsoleFactory.Settings;
        settings["Console:Tenants:acme:TimeZone"] = "Asia/Tokyo";
        await using var factory = new ConsoleFactory(settings: settings);
        var sam = factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(sam, "sam", ConsoleFactory.Password)).StatusCode);
        await MarkStoppedAfterTwoBillPagesAsync(factory.Get<TenantDataSource>().For("acme"));

        var admin = WebUtility.HtmlDecode(await sam.GetStringAsync("/t/acme/admin"));
        var report = WebUtility.HtmlDecode(await sam.GetStringAsync("/t/acme/reports/ledger-bills"));
        var api = await (await factory.ApiAsync("sam")).GetFromJsonAsync<JsonObject>("/api/tenants/acme/reports/ledger-bills");

        Assert.Contains(Shown, admin, StringComparison.Ordinal);
        Assert.Contains($"The books are partially synced from QuickBooks ({Shown})", report, StringComparison.Ordinal);
        Assert.Contains("started 2026-11-28T07:00:00+09:00, last page at 2026-11-28T07:05:00+09:00", api!["warning"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_TokyoTenant_ReportWarningInTokyo()
    {
        using var dir = new TempDataDirectory();
        // A tenant no other test uses, so the process-wide setting changes nothing else.
        using var zone = new EnvironmentSettings("BACKOFFICE_Console__Tenants__kyoto__");
        zone.Set("TimeZone", "Asia/Tokyo");
        var cli = new CliRunner(dir.Root);
        await cli.OkAsync("tenant", "create", "kyoto");
        using (var source = new TenantDataSource(dir.Data, TimeProvider.System))
        {
            await MarkStoppedAfterTwoBillPagesAsync(source.For("kyoto"));
        }

        var report = await cli.OkAsync("report", "ledger-bills", "--tenant", "kyoto");

        Assert.Contains($"Warning: The books are partially synced from QuickBooks ({Shown})", report.Out, StringComparison.Ordinal);
    }

    /// <summary>The marks a full sync leaves when it read the name lists and two pages of bills, then stopped.</summary>
    internal static async Task MarkStoppedAfterTwoBillPagesAsync(TenantData tenant)
    {
        var store = tenant.QuickBooksSync;
        await store.SetStateAsync(SyncIncomplete.StartedKey, "2026-11-27T22:00:00.000Z", Ct);
        foreach (var entity in QuickBooksSyncStore.Entities.TakeWhile(e => e != "Bill"))
        {
            await store.ApplyAsync(entity, [], new SyncCursor(entity, 1, true), Ct);
        }

        await store.ApplyAsync("Bill", [], new SyncCursor("Bill", 2001, false), Ct);
        await store.SetStateAsync(SyncIncomplete.LastPageKey, "2026-11-27T22:05:00.000Z", Ct);
    }
}
