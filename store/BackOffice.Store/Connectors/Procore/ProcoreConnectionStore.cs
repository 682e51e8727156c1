using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>A tenant's Procore connection as stored; the tokens are the protected (encrypted) text, never plaintext.</summary>
public sealed record ProcoreConnection(
    string CompanyId, string? CompanyName, string GrantType, string ConnectedBy, string ConnectedAt, string AccessToken,
    string AccessExpiresAt, string? RefreshToken, string Status, string? LastSyncAt, string? LastError)
{
    public const string Connected = "connected";
    public const string NeedsReconnect = "needs-reconnect";
    public const string Disconnected = "disconnected";
}

/// <summary>Reads and writes procore_connections (1420_procore.sql, issue 14).</summary>
public sealed class ProcoreConnectionStore(TenantData tenant)
{
    private const string Columns =
        "company_id AS CompanyId, company_name AS CompanyName, grant_type AS GrantType, connected_by AS ConnectedBy, connected_at AS ConnectedAt, " +
        "access_token AS AccessToken, access_expires_at AS AccessExpiresAt, refresh_token AS RefreshToken, status AS Status, " +
        "last_sync_at AS LastSyncAt, last_error AS LastError";

    public async Task<IReadOnlyList<ProcoreConnection>> ListAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return (await unit.Connection.QueryAsync<ProcoreConnection>(new CommandDefinition(
            $"SELECT {Columns} FROM procore_connections ORDER BY connected_at", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The tenant's live connection (connected or needing reconnect), the newest if there were several.</summary>
    public async Task<ProcoreConnection?> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await unit.Connection.QuerySingleOrDefaultAsync<ProcoreConnection>(new CommandDefinition(
            $"SELECT {Columns} FROM procore_connections WHERE status <> 'disconnected' ORDER BY connected_at DESC LIMIT 1",
            cancellationToken: cancellationToken));
    }

    /// <summary>Inserts or replaces the row inside <paramref name="unit"/> (issue 13: with its audit event, <see cref="ConnectionAudit"/>).</summary>
    public Task SaveAsync(DataUnit unit, ProcoreConnection row, CancellationToken cancellationToken) => unit.Connection.ExecuteAsync(new CommandDefinition(
        $"""
        INSERT INTO procore_connections (company_id, company_name, grant_type, connected_by, connected_at, access_token, access_expires_at,
            refresh_token, status, last_sync_at, last_error)
        VALUES (@CompanyId, @CompanyName, @GrantType, @ConnectedBy, @ConnectedAt, @AccessToken, @AccessExpiresAt, @RefreshToken, @Status,
            @LastSyncAt, @LastError)
        ON CONFLICT ({StoreSql.ConflictOn(tenant.Dialect, "company_id")}) DO UPDATE SET company_name = excluded.company_name, grant_type = excluded.grant_type,
            connected_by = excluded.connected_by, connected_at = excluded.connected_at, access_token = excluded.access_token,
            access_expires_at = excluded.access_expires_at, refresh_token = excluded.refresh_token, status = excluded.status,
            last_error = excluded.last_error
        """, row, unit.Transaction, cancellationToken: cancellationToken));

    /// <summary>Saves a new token at once: Procore invalidates the old refresh token the moment it issues a new one.</summary>
    public Task SaveTokensAsync(string companyId, string accessToken, string accessExpiresAt, string? refreshToken, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE procore_connections SET access_token = @accessToken, access_expires_at = @accessExpiresAt,
                refresh_token = COALESCE(@refreshToken, refresh_token), status = 'connected', last_error = NULL
            WHERE company_id = @companyId
            """, new { companyId, accessToken, accessExpiresAt, refreshToken }, cancellationToken);

    public Task SetStatusAsync(DataUnit unit, string companyId, string status, string? lastError, CancellationToken cancellationToken) =>
        unit.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE procore_connections SET status = @status, last_error = @lastError WHERE company_id = @companyId",
            new { companyId, status, lastError }, unit.Transaction, cancellationToken: cancellationToken));

    public Task SetStatusAsync(string companyId, string status, string? lastError, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE procore_connections SET status = @status, last_error = @lastError WHERE company_id = @companyId",
        new { companyId, status, lastError }, cancellationToken);

    public Task RecordSyncAsync(string companyId, string? at, string? lastError, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE procore_connections SET last_sync_at = COALESCE(@at, last_sync_at), last_error = @lastError WHERE company_id = @companyId",
        new { companyId, at, lastError }, cancellationToken);

    /// <summary>Issue 13 (`connections rekey`): as <see cref="QuickBooks.QuickBooksConnectionStore.RewrapTokensAsync"/>, in one unit.</summary>
    public async Task<int> RewrapTokensAsync(Func<string, bool, string> rewrap, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<(string Company, string Access, string? Refresh, string Status)>(new CommandDefinition(
            "SELECT company_id, access_token, refresh_token, status FROM procore_connections", transaction: unit.Transaction, cancellationToken: cancellationToken));
        var changed = 0;
        foreach (var row in rows.ToList())
        {
            var gone = row.Status == ProcoreConnection.Disconnected;
            var (access, refresh) = (rewrap(row.Access, gone), row.Refresh is null ? null : rewrap(row.Refresh, gone));
            if (access == row.Access && refresh == row.Refresh)
            {
                continue;
            }

            changed++;
            await unit.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE procore_connections SET access_token = @access, refresh_token = @refresh WHERE company_id = @company",
                new { access, refresh, company = row.Company }, unit.Transaction, cancellationToken: cancellationToken));
        }

        await unit.CommitAsync(cancellationToken);
        return changed;
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }
}
