using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>A tenant's QuickBooks connection as stored; the tokens are the protected (encrypted) text, never plaintext.</summary>
public sealed record QuickBooksConnection(
    string RealmId, string? CompanyName, string ConnectedBy, string ConnectedAt, string AccessToken, string AccessExpiresAt,
    string RefreshToken, string? RefreshExpiresAt, string Status, string? LastSyncAt, string? LastError)
{
    public const string Connected = "connected";
    public const string NeedsReconnect = "needs-reconnect";
    public const string Disconnected = "disconnected";
}

/// <summary>Reads and writes quickbooks_connections (1300_quickbooks.sql, issue 13).</summary>
public sealed class QuickBooksConnectionStore(TenantData tenant)
{
    private const string Columns =
        "realm_id AS RealmId, company_name AS CompanyName, connected_by AS ConnectedBy, connected_at AS ConnectedAt, access_token AS AccessToken, " +
        "access_expires_at AS AccessExpiresAt, refresh_token AS RefreshToken, refresh_expires_at AS RefreshExpiresAt, status AS Status, " +
        "last_sync_at AS LastSyncAt, last_error AS LastError";

    public async Task<IReadOnlyList<QuickBooksConnection>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<QuickBooksConnection>(new CommandDefinition(
            $"SELECT {Columns} FROM quickbooks_connections ORDER BY connected_at", cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The tenant's live connection (connected or needing reconnect), the newest if there were several.</summary>
    public async Task<QuickBooksConnection?> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return await connection.QuerySingleOrDefaultAsync<QuickBooksConnection>(new CommandDefinition(
            $"SELECT {Columns} FROM quickbooks_connections WHERE status <> 'disconnected' ORDER BY connected_at DESC LIMIT 1",
            cancellationToken: cancellationToken));
    }

    /// <summary>Inserts or replaces the row inside <paramref name="unit"/> (issue 13: with its audit event, <see cref="ConnectionAudit"/>).</summary>
    public async Task SaveAsync(DataUnit unit, QuickBooksConnection row, CancellationToken cancellationToken)
    {
        var connection = unit.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO quickbooks_connections (realm_id, company_name, connected_by, connected_at, access_token, access_expires_at,
                refresh_token, refresh_expires_at, status, last_sync_at, last_error)
            VALUES (@RealmId, @CompanyName, @ConnectedBy, @ConnectedAt, @AccessToken, @AccessExpiresAt, @RefreshToken, @RefreshExpiresAt,
                @Status, @LastSyncAt, @LastError)
            ON CONFLICT ({StoreSql.ConflictOn(connection, "realm_id")}) DO UPDATE SET company_name = excluded.company_name, connected_by = excluded.connected_by,
                connected_at = excluded.connected_at, access_token = excluded.access_token, access_expires_at = excluded.access_expires_at,
                refresh_token = excluded.refresh_token, refresh_expires_at = excluded.refresh_expires_at, status = excluded.status,
                last_error = excluded.last_error
            """, row, unit.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Saves a refreshed pair at once: the old refresh token is spent the moment Intuit rotated it.</summary>
    public Task SaveTokensAsync(
        string realmId, string accessToken, string accessExpiresAt, string refreshToken, string? refreshExpiresAt, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE quickbooks_connections SET access_token = @accessToken, access_expires_at = @accessExpiresAt,
                refresh_token = @refreshToken, refresh_expires_at = @refreshExpiresAt, status = 'connected', last_error = NULL
            WHERE realm_id = @realmId
            """, new { realmId, accessToken, accessExpiresAt, refreshToken, refreshExpiresAt }, cancellationToken);

    public Task SetStatusAsync(string realmId, string status, string? lastError, CancellationToken cancellationToken) =>
        tenant.InWriteUnitAsync(async unit =>
        {
            await SetStatusAsync(unit, realmId, status, lastError, cancellationToken);
            return 0;
        }, cancellationToken);

    public Task SetStatusAsync(DataUnit unit, string realmId, string status, string? lastError, CancellationToken cancellationToken) =>
        unit.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE quickbooks_connections SET status = @status, last_error = @lastError WHERE realm_id = @realmId",
            new { realmId, status, lastError }, unit.Transaction, cancellationToken: cancellationToken));

    public Task RecordSyncAsync(string realmId, string? at, string? lastError, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE quickbooks_connections SET last_sync_at = COALESCE(@at, last_sync_at), last_error = @lastError WHERE realm_id = @realmId",
        new { realmId, at, lastError }, cancellationToken);

    /// <summary>
    /// Issue 13 (`connections rekey`): rewrites every row's tokens through <paramref name="rewrap"/> (given the stored text
    /// and whether the row is disconnected) in one unit, so a failure leaves every row as it was. Returns the rows changed.
    /// </summary>
    public async Task<int> RewrapTokensAsync(Func<string, bool, string> rewrap, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<(string Realm, string Access, string Refresh, string Status)>(new CommandDefinition(
            "SELECT realm_id, access_token, refresh_token, status FROM quickbooks_connections", transaction: unit.Transaction, cancellationToken: cancellationToken));
        var changed = 0;
        foreach (var row in rows.ToList())
        {
            var gone = row.Status == QuickBooksConnection.Disconnected;
            var (access, refresh) = (rewrap(row.Access, gone), rewrap(row.Refresh, gone));
            if (access == row.Access && refresh == row.Refresh)
            {
                continue;
            }

            changed++;
            await unit.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE quickbooks_connections SET access_token = @access, refresh_token = @refresh WHERE realm_id = @realm",
                new { access, refresh, realm = row.Realm }, unit.Transaction, cancellationToken: cancellationToken));
        }

        await unit.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>Issue 18: one update in a write unit (on PostgreSQL it queues on the tenant's write lock; a read unit skipped it).</summary>
    private Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        tenant.InWriteUnitAsync(unit => unit.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, unit.Transaction, cancellationToken: cancellationToken)), cancellationToken);
}
