using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Live access tokens for a tenant's QuickBooks connection (issue 13): refreshed single-flight per tenant and realm
/// (<see cref="ConnectorTokens{TConnection}"/>), the rotated refresh token saved the moment it arrives. An expired or
/// revoked grant marks the connection "needs-reconnect".
/// </summary>
public sealed class QuickBooksTokens(QuickBooksOAuth oauth, ITokenProtector protector, QuickBooksOptions options, TimeProvider clock)
    : ConnectorTokens<QuickBooksConnection>(protector, clock, options.RefreshMarginSeconds)
{
    protected override StoredAccess Access(QuickBooksConnection connection) =>
        new("quickbooks|" + connection.RealmId, connection.AccessToken, connection.AccessExpiresAt);

    protected override async Task<string> RenewAsync(TenantData tenant, QuickBooksConnection connection, CancellationToken cancellationToken)
    {
        QuickBooksTokenSet tokens;
        try
        {
            tokens = await oauth.RefreshAsync(Protector.Unprotect(connection.RefreshToken), cancellationToken);
        }
        catch (QuickBooksFaultException ex) when (ex.Code == "invalid_grant")
        {
            await tenant.QuickBooks.SetStatusAsync(connection.RealmId, QuickBooksConnection.NeedsReconnect,
                "The refresh token is expired or revoked (invalid_grant).", cancellationToken);
            throw new QuickBooksReconnectException(tenant.Tenant, "the refresh token is expired or revoked");
        }

        await SaveAsync(tenant, connection.RealmId, tokens, cancellationToken);
        return tokens.AccessToken;
    }

    /// <summary>Stores a token pair encrypted, with absolute expiry times.</summary>
    public Task SaveAsync(TenantData tenant, string realmId, QuickBooksTokenSet tokens, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        return tenant.QuickBooks.SaveTokensAsync(
            realmId, Protector.Protect(tokens.AccessToken), StoreTime.ToText(now.AddSeconds(tokens.ExpiresInSeconds)),
            Protector.Protect(tokens.RefreshToken),
            tokens.RefreshExpiresInSeconds is { } s ? StoreTime.ToText(now.AddSeconds(s)) : null, cancellationToken);
    }

    protected override async Task<QuickBooksConnection> RequireAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        var connection = await tenant.QuickBooks.CurrentAsync(cancellationToken)
                         ?? throw new QuickBooksNotConnectedException(
                             $"Tenant {tenant.Tenant} has no QuickBooks connection: run `backoffice connect quickbooks --tenant {tenant.Tenant}`.");
        return connection.Status == QuickBooksConnection.NeedsReconnect
            ? throw new QuickBooksReconnectException(tenant.Tenant, connection.LastError ?? "the grant is no longer valid")
            : connection;
    }
}
