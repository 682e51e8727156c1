using BackOffice.Store.Control;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: `serve` on PostgreSQL schedules through Quartz.NET's clustered ADO job store. Two in-process hosts on one
/// database: every tick of a scheduled sweep is handled by exactly one of them, and a host that stops mid-sweep (its
/// scheduler shut down without waiting, the sweep left hanging as in a dead process) has that tick recovered by the
/// other, which completes the sweep once. Waits are on conditions (at most a minute), never fixed sleeps.
/// </summary>
public sealed class QuartzClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Every two seconds: several ticks within a test, none of them close enough to another to be confused.
    private const string EveryTwoSeconds = "0/2 * * * * ?";

    [PostgresFact]
    public async Task Serve_TwoHostsOnePostgres_EachTickSweptByExactlyOneHost()
    {
        using var directory = new TempDataDirectory();
        await using var database = await PostgresDatabase.CreateAsync();
        await using var cluster = new ClusterHosts(database, directory.Data, EveryTwoSeconds);
        var first = await cluster.StartAsync("a", new ProbeAgent());
        await cluster.StartAsync("b", new ProbeAgent());
        string[] tenants = ["t1", "t2", "t3"];
        foreach (var tenant in tenants)
        {
            await first.Services.GetRequiredService<TenantRegistry>().CreateAsync(tenant, "test", CancellationToken.None);
        }

        var enough = await cluster.WaitForAsync(t => tenants.All(n => t.Count(x => x.Tenant == n && x.Agent == "probe") >= 3), Patience);
        await cluster.DisposeAsync();

        var handled = cluster.Ticks.Where(t => t.Agent == "probe").ToList();
        Assert.True(enough, $"three ticks per tenant within {Patience}: {handled.Count} handled");
        Assert.Empty(handled.GroupBy(t => (t.Tenant, t.Tick)).Where(g => g.Count() > 1).Select(g => g.Key));
        foreach (var tenant in tenants)
        {
            Assert.Equal(handled.Count(t => t.Tenant == tenant), await SucceededProbeRunsAsync(database, tenant, null));
        }
    }

    [PostgresFact]
    public async Task Serve_HostStoppedMidSweep_OtherHostRecoversTheTickOnce()
    {
        using var directory = new TempDataDirectory();
        await using var database = await PostgresDatabase.CreateAsync();
        await using var cluster = new ClusterHosts(database, directory.Data, EveryTwoSeconds);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new ProbeAgent(hold);
        var dying = await cluster.StartAsync("dying", held);
        await dying.Services.GetRequiredService<TenantRegistry>().CreateAsync("acme", "test", CancellationToken.None);
        await held.Entered.Task.WaitAsync(Patience);

        var survivor = await cluster.StartAsync("survivor", new ProbeAgent());
        await ClusterHosts.AbandonAsync(dying);
        var recovered = await cluster.WaitForAsync(t => t.Any(x => x is { Host: "survivor", Recovering: true }), Patience);
        await cluster.StopAsync(survivor);

        var handled = cluster.Ticks.Where(t => t.Agent == "probe").ToList();
        Assert.True(recovered, $"the survivor recovered the tick within {Patience}: {string.Join(", ", handled)}");
        Assert.DoesNotContain(handled, t => t.Host == "dying");
        Assert.Empty(handled.GroupBy(t => t.Tick).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(1, await SucceededProbeRunsAsync(database, "acme", "recovery"));
        Assert.Equal(handled.Count, await SucceededProbeRunsAsync(database, "acme", null));
        hold.TrySetCanceled();
    }

    /// <summary>Succeeded probe sweeps of one tenant (of one trigger when given), read as the owner under the tenant's setting.</summary>
    private static async Task<int> SucceededProbeRunsAsync(PostgresDatabase database, string tenant, string? trigger)
    {
        await using var connection = await database.OpenAsync(owner: true);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT set_config('backoffice.tenant_id', @tenant, true)", new { tenant }, transaction);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM tenant.sweep_runs WHERE agent = 'probe' AND status = 'succeeded' AND (@trigger::text IS NULL OR trigger = @trigger)",
            new { trigger }, transaction);
    }
}
