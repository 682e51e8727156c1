using BackOffice.Host.Composition;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: each PostgreSQL statement runs under Store:PostgresCommandTimeoutSeconds, not the connection string's
/// 30 s default (a 1,000-job import's UPDATE from its staging table passed 30 s on a busy server and failed the import).
/// A statement longer than the setting is cancelled by the server; one within it completes.
/// </summary>
public sealed class CommandTimeoutTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [PostgresFact]
    public async Task Statement_LongerThanTheSetting_IsCancelled()
    {
        var error = await Assert.ThrowsAsync<NpgsqlException>(() => SleepAsync(timeoutSeconds: 1, sleepSeconds: 3));

        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [PostgresFact]
    public async Task Statement_WithinTheSetting_Completes()
    {
        await SleepAsync(timeoutSeconds: 10, sleepSeconds: 2);
    }

    private static async Task SleepAsync(int timeoutSeconds, int sleepSeconds)
    {
        using var directory = new TempDataDirectory();
        await using var database = await PostgresDatabase.CreateAsync();
        var builder = PostgresHostBuilder.For(database, directory.Data, new Dictionary<string, string?>
        {
            ["Store:PostgresCommandTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddBackOffice(directory.Data);
        using var host = builder.Build();
        await host.Services.GetRequiredService<TenantRegistry>().CreateAsync("acme", "test", Ct);
        await using var unit = await host.Services.GetRequiredService<TenantDataSource>().For("acme").OpenUnitAsync(Ct);
        await using var command = unit.Connection.CreateCommand();
        command.CommandText = $"SELECT pg_sleep({sleepSeconds})";
        await command.ExecuteNonQueryAsync(Ct);
    }
}
