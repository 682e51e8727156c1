using BackOffice.Kernel.Scheduling;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Postgres;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace BackOffice.Host.Composition;

/// <summary>
/// How `serve` schedules sweeps and syncs (issue 18). On SQLite (one host) its own loops, a lease row per tenant and
/// agent keeping a CLI sweep and the loop apart. On PostgreSQL, Quartz.NET's persistent job store with clustering on:
/// every host runs a Quartz scheduler over the tables of migration Quartz/0060, each tick is acquired by exactly one
/// host, and a host that stops checking in has its running jobs recovered by another.
/// </summary>
public static class ClusteredScheduling
{
    /// <summary>The job store's tables: Quartz's default names in schema "quartz" (PostgresMigrations creates both).</summary>
    public const string TablePrefix = "quartz.qrtz_";

    public static bool IsClustered(IConfiguration configuration) =>
        (configuration.GetSection(StoreOptions.SectionName).Get<StoreOptions>() ?? new StoreOptions()).Provider == StoreOptions.Postgres;

    public static void AddSchedulingLoops(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SweepScheduler>();
        builder.Services.AddSingleton<SyncScheduler>();
        if (!IsClustered(builder.Configuration))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<SweepScheduler>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<SyncScheduler>());
            return;
        }

        var store = builder.Configuration.GetSection(StoreOptions.SectionName).Get<StoreOptions>()!;
        var scheduler = builder.Configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        // Before Quartz's hosted service: its schema check at start needs migration 0060 applied.
        builder.Services.AddHostedService<QuartzTablesMigration>();
        builder.Services.AddQuartz(q =>
        {
            q.UsePersistentStore(s =>
            {
                // Through NpgsqlFactory: connections from the ordinary Npgsql pool, which a stopping host (and a test) can clear.
                s.UsePostgres(Npgsql.NpgsqlFactory.Instance, store.PostgresConnectionString!);
                s.ConfigureStore(o =>
                {
                    o.TablePrefix = TablePrefix;
                    o.StoreJobDataAsStrings = true;
                });
                s.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromMilliseconds(scheduler.ClusterCheckinMilliseconds);
                    c.CheckinMisfireThreshold = TimeSpan.FromMilliseconds(scheduler.ClusterCheckinMilliseconds);
                });
            });
            q.AddJob<ClusterSchedules>(j => j.WithIdentity(ClusterSchedules.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(ClusterSchedules.Key).WithIdentity(ClusterSchedules.Key.Name, ClusterSchedules.Key.Group).StartNow()
                .WithSimpleSchedule(x => x.WithInterval(TimeSpan.FromSeconds(scheduler.PollSeconds)).RepeatForever()));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    private sealed class QuartzTablesMigration(StoreEngine engine) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            engine is PostgresEngine postgres ? postgres.MigrateAsync(cancellationToken) : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
