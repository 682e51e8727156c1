using BackOffice.Kernel.Gate;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BackOffice.Tests.Support;

/// <summary>
/// Issue 19's crash seams, shared by the sandbox and QuickBooks (issue 13) crash-point matrices: a trigger aborts
/// exactly one database write, as a process killed there leaves its transaction uncommitted; the "restart" drops the
/// trigger and the pooled connections, and the step is retried once the dead claimant's lease has expired.
/// </summary>
public static class CrashSeams
{
    /// <summary>Installs the crash, runs the step (it dies or reports failure), then restarts: no trigger, no pooled state.</summary>
    public static async Task CrashOnceAsync(TenantData tenant, string trigger, Func<Task<ProposalRow>> step)
    {
        await SqlAsync(tenant, $"CREATE TRIGGER crash_point {trigger} BEGIN SELECT RAISE(ABORT, 'crash point'); END;");
        try
        {
            await step();
        }
        catch (SqliteException crashed) when (crashed.Message.Contains("crash point", StringComparison.Ordinal))
        {
            // The process "died" at this write: its transaction never committed.
        }

        await SqlAsync(tenant, "DROP TRIGGER crash_point;");
        SqliteConnection.ClearAllPools();
    }

    /// <summary>After the restart, the lease of the dead claimant expires and the step is retried until it reaches the state.</summary>
    public static async Task<ProposalRow> RetryUntilAsync(
        ProposalGate gate, TenantData tenant, ManualClock clock, int leaseSeconds, long id, string state, Func<Task<ProposalRow>> step)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            clock.Advance(TimeSpan.FromSeconds(leaseSeconds + 1));
            var row = await gate.GetAsync(tenant, id, CancellationToken.None);
            if (row.State == state)
            {
                return row;
            }

            await step();
        }

        return await gate.GetAsync(tenant, id, CancellationToken.None);
    }

    private static async Task SqlAsync(TenantData tenant, string sql)
    {
        await using var connection = await tenant.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql);
    }
}
