using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Postgres;

/// <summary>
/// Issue 18: every tenant table the SQLite migrations declare has a PostgreSQL twin (tenant_id in every key, row-level
/// security), and every store reads and writes through a unit of either engine. A new SQLite table without its twin is
/// listed here (a test keeps the list equal to what the migrations declare) and stops a host asked to run on PostgreSQL,
/// naming it, rather than failing on the first sweep.
/// </summary>
public static class PostgresPorting
{
    /// <summary>Tenant tables the SQLite migrations declare and the PostgreSQL set does not yet.</summary>
    public static readonly IReadOnlyList<string> NotPortedTables = [];

    /// <summary>
    /// Throws naming the tables without a PostgreSQL twin; the composition root calls it when Store:Provider=postgres.
    /// Nothing is listed since every tenant table was ported, so a host starts on PostgreSQL (issue 18).
    /// </summary>
    public static void ThrowIfNotPorted()
    {
        if (NotPortedTables.Count > 0)
        {
            throw new StoreNotPortedException($"The tenant tables {string.Join(", ", NotPortedTables)} and their stores");
        }
    }
}
