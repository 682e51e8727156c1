using Npgsql;

namespace BackOffice.Tests.Support.Postgres;

/// <summary>
/// The PostgreSQL the tests run against (issue 18): the roles scripts/postgres-setup.sh creates on 127.0.0.1, or
/// BACKOFFICE_TEST_POSTGRES_OWNER / BACKOFFICE_TEST_POSTGRES_APP. Probed once; absent means skipped with a reason.
/// </summary>
public static class PostgresServer
{
    public static string OwnerConnectionString { get; } =
        Environment.GetEnvironmentVariable("BACKOFFICE_TEST_POSTGRES_OWNER")
        ?? "Host=127.0.0.1;Port=5432;Username=backoffice_owner;Password=backoffice_owner;Database=postgres;Timeout=5";

    public static string AppConnectionString { get; } =
        Environment.GetEnvironmentVariable("BACKOFFICE_TEST_POSTGRES_APP")
        ?? "Host=127.0.0.1;Port=5432;Username=backoffice_app;Password=backoffice_app;Database=postgres;Timeout=5";

    private static readonly Lazy<string?> Absence = new(Probe);

    /// <summary>Null when PostgreSQL answers as both roles; otherwise why the PostgreSQL tests are skipped.</summary>
    public static string? WhyAbsent => Absence.Value;

    public static bool Available => WhyAbsent is null;

    private static string? Probe()
    {
        foreach (var connectionString in new[] { OwnerConnectionString, AppConnectionString })
        {
            try
            {
                using var connection = new NpgsqlConnection(connectionString);
                connection.Open();
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                var user = new NpgsqlConnectionStringBuilder(connectionString).Username;
                return $"PostgreSQL is not reachable as {user} ({ex.Message}); run scripts/postgres-setup.sh (.ci/run does).";
            }
        }

        return null;
    }
}

/// <summary>Runs only when PostgreSQL is reachable (issue 18); otherwise reported as skipped, saying why.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.WhyAbsent is { } why)
        {
            Skip = why;
        }
    }
}

/// <summary>A theory that runs only when PostgreSQL is reachable (issue 18); otherwise reported as skipped, saying why.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.WhyAbsent is { } why)
        {
            Skip = why;
        }
    }
}
