using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Postgres;

/// <summary>
/// Issue 18: what runs on PostgreSQL so far. The control tables and stores, the gate's tables (proposals, executions,
/// settings, the audit chain), the event inbox, the collections outbox and promises are ported, the tenant ones with
/// row-level security; the rest of the tenant tables and the stores that open bare SQLite connections are not, so a host asked to run on PostgreSQL refuses to start
/// and names them, rather than failing on the first sweep. A test keeps this list equal to the tables the SQLite
/// migrations declare and the PostgreSQL migrations do not.
/// </summary>
public static class PostgresPorting
{
    /// <summary>Tenant tables the SQLite migrations declare and the PostgreSQL set does not yet.</summary>
    public static readonly IReadOnlyList<string> NotPortedTables = [];

    /// <summary>Throws with the list of what is missing; the composition root calls it when Store:Provider=postgres.</summary>
    public static void RefuseToStart()
    {
        throw new StoreNotPortedException(
            $"Running the host on PostgreSQL: the control tables, the gate's tables, the event inbox and the collections outbox " +
            $"are ported, but the tenant tables {string.Join(", ", NotPortedTables)} and their stores (bundle import, the agents' " +
            "read models, sandbox ledger, QuickBooks, Procore, pricebook, the change journal, WIP periods, memory, sweeps and their lease, findings)");
    }
}
