using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: a `Sync:Schedules` entry on PostgreSQL is a job of Quartz's clustered store. Two in-process hosts on one
/// database sync one tenant from the loopback QuickBooks (issue 13's fake) on a 2-second cron: every tick is synced by
/// exactly one host, counted from the database (sweep_runs of "sync:quickbooks", one per tick) and from the hosts'
/// "handled" log lines, and the fake's books reach the tenant.
/// </summary>
public sealed class QuartzSyncClusterTests
{
    private const string EveryTwoSeconds = "0/2 * * * * ?";

    // The probe agent's cron never fires here: only the sync's ticks are counted.
    private const string Never = "0 0 0 1 1 ? 2099";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [PostgresFact]
    public async Task ScheduledSync_TwoHostsOnePostgres_EachTickSyncedByExactlyOneHost()
    {
        using var directory = new TempDataDirectory();
        await using var database = await PostgresDatabase.CreateAsync();
        await using var fake = await FakeQuickBooks.StartAsync();
        QuickBooksHarness.SeedCompanyInto(fake);
        var settings = QuickBooksHarness.SettingsFor(fake);
        settings["Sync:Schedules:0:Tenant"] = "acme";
        settings["Sync:Schedules:0:Source"] = "quickbooks";
        settings["Sync:Schedules:0:Cron"] = EveryTwoSeconds;
        await using var cluster = new ClusterHosts(database, directory.Data, Never, settings);
        var first = await cluster.StartAsync("a", new ProbeAgent());
        await cluster.StartAsync("b", new ProbeAgent());
        await first.Services.GetRequiredService<TenantRegistry>().CreateAsync("acme", "test", CancellationToken.None);
        var tenant = first.Services.GetRequiredService<TenantDataSource>().For("acme");
        await QuickBooksHarness.ConnectAsync(first.Services.GetRequiredService<QuickBooksConnections>(), tenant);

        var synced = await ThreeSucceededAsync(database);
        var bills = await tenant.Ledger.BillsAsync(CancellationToken.None);
        await cluster.DisposeAsync();

        var handled = cluster.Ticks.Where(t => t.Agent == "sync:quickbooks").ToList();
        var runs = await SyncRunsAsync(database);
        Assert.True(synced, $"three synced ticks within {Patience}: {handled.Count} handled, runs {string.Join(", ", runs)}");
        Assert.Empty(handled.GroupBy(t => t.Tick).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(runs, r => Assert.NotNull(r.Tick));
        Assert.Empty(runs.GroupBy(r => r.Tick).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(handled.Select(t => t.Tick).Order(), runs.Select(r => r.Tick!).Order());
        Assert.Contains(bills, b => b.DocNumber == "B-1");
    }

    /// <summary>Polls the database until three scheduled syncs succeeded, or the patience runs out (no fixed sleeps).</summary>
    private static async Task<bool> ThreeSucceededAsync(PostgresDatabase database)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < Patience)
        {
            if ((await SyncRunsAsync(database)).Count(r => r.Status == "succeeded") >= 3)
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    /// <summary>The tenant's scheduled sync runs, read as the owner under the tenant's setting.</summary>
    private static async Task<IReadOnlyList<TickRun>> SyncRunsAsync(PostgresDatabase database)
    {
        await using var connection = await database.OpenAsync(owner: true);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT set_config('backoffice.tenant_id', 'acme', true)", transaction: transaction);
        return [.. await connection.QueryAsync<TickRun>(
            "SELECT trigger AS Trigger, status AS Status, tick AS Tick, error AS Error FROM tenant.sweep_runs WHERE agent = 'sync:quickbooks' ORDER BY id",
            transaction: transaction)];
    }
}
