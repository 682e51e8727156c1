using System.Collections.Concurrent;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Hands out a live access token for a tenant's connection (issue 13). A refresh is single-flight per tenant and realm
/// (one <see cref="SemaphoreSlim"/> each), so two sweeps never spend the same refresh token, and the rotated refresh
/// token is saved the moment it arrives. An expired or revoked grant marks the connection "needs-reconnect".
/// </summary>
public sealed class QuickBooksTokens(QuickBooksOAuth oauth, ITokenProtector protector, QuickBooksOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _refreshing = new(StringComparer.Ordinal);

    /// <summary>
    /// A token valid for at least the refresh margin. With <paramref name="rejected"/> (a token the API just answered
    /// 401 to), refreshes unless another caller already replaced that token.
    /// </summary>
    public async Task<string> AccessTokenAsync(TenantData tenant, string? rejected, CancellationToken cancellationToken)
    {
        var current = await RequireAsync(tenant, cancellationToken);
        if (Usable(current, rejected) is { } token)
        {
            return token;
        }

        var gate = _refreshing.GetOrAdd($"{tenant.Folder}|{current.RealmId}", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Whoever held the gate before may have refreshed already: read again, and refresh only if still needed.
            current = await RequireAsync(tenant, cancellationToken);
            return Usable(current, rejected) ?? await RefreshAsync(tenant, current, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private string? Usable(QuickBooksConnection connection, string? rejected)
    {
        var expires = StoreTime.Parse(connection.AccessExpiresAt);
        if (expires <= clock.GetUtcNow().AddSeconds(options.RefreshMarginSeconds))
        {
            return null;
        }

        var token = protector.Unprotect(connection.AccessToken);
        return token == rejected ? null : token;
    }

    private async Task<string> RefreshAsync(TenantData tenant, QuickBooksConnection connection, CancellationToken cancellationToken)
    {
        QuickBooksTokenSet tokens;
        try
        {
            tokens = await oauth.RefreshAsync(protector.Unprotect(connection.RefreshToken), cancellationToken);
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
        var now = clock.GetUtcNow();
        return tenant.QuickBooks.SaveTokensAsync(
            realmId, protector.Protect(tokens.AccessToken), StoreTime.ToText(now.AddSeconds(tokens.ExpiresInSeconds)),
            protector.Protect(tokens.RefreshToken),
            tokens.RefreshExpiresInSeconds is { } s ? StoreTime.ToText(now.AddSeconds(s)) : null, cancellationToken);
    }

    private static async Task<QuickBooksConnection> RequireAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        var connection = await tenant.QuickBooks.CurrentAsync(cancellationToken)
                         ?? throw new QuickBooksNotConnectedException(
                             $"Tenant {tenant.Tenant} has no QuickBooks connection: run `backoffice connect quickbooks --tenant {tenant.Tenant}`.");
        return connection.Status == QuickBooksConnection.NeedsReconnect
            ? throw new QuickBooksReconnectException(tenant.Tenant, connection.LastError ?? "the grant is no longer valid")
            : connection;
    }
}
