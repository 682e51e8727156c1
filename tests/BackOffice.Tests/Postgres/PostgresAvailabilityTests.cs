using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>Skipped, with the reason, when PostgreSQL is absent: the store theories then ran on SQLite only.</summary>
public sealed class PostgresAvailabilityTests
{
    [PostgresFact]
    public void PostgresServer_Reachable_BothRolesAnswer() => Assert.Null(PostgresServer.WhyAbsent);
}
