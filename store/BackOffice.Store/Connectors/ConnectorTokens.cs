using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors;

/// <summary>A connection's stored access token as the token cache sees it: the account it belongs to, protected text and expiry.</summary>
public sealed record StoredAccess(string Account, string ProtectedToken, string ExpiresAt);

/// <summary>
/// Hands out a live access token for a tenant's connection to an outside system (issue 13, generalised for Procore in
/// issue 14). A renewal is single-flight per tenant and account (<see cref="SingleFlight"/>), so two sweeps never spend
/// the same single-use refresh token; each connector says how it reads its connection and how it renews a token.
/// </summary>
public abstract class ConnectorTokens<TConnection>(ITokenProtector protector, TimeProvider clock, int refreshMarginSeconds)
{
    private readonly SingleFlight _renewing = new();

    protected ITokenProtector Protector => protector;

    protected TimeProvider Clock => clock;

    /// <summary>
    /// A token valid for at least the refresh margin. With <paramref name="rejected"/> (a token the API just answered
    /// 401 to), renews unless another caller already replaced that token.
    /// </summary>
    public async Task<string> AccessTokenAsync(TenantData tenant, string? rejected, CancellationToken cancellationToken)
    {
        var current = await RequireAsync(tenant, cancellationToken);
        if (Usable(current, rejected) is { } token)
        {
            return token;
        }

        return await _renewing.RunAsync($"{tenant.Folder}|{Access(current).Account}", async ct =>
        {
            // Whoever held the gate before may have renewed already: read again, and renew only if still needed.
            current = await RequireAsync(tenant, ct);
            return Usable(current, rejected) ?? await RenewAsync(tenant, current, ct);
        }, cancellationToken);
    }

    /// <summary>The tenant's live connection; throws the connector's not-connected or reconnect exception.</summary>
    protected abstract Task<TConnection> RequireAsync(TenantData tenant, CancellationToken cancellationToken);

    protected abstract StoredAccess Access(TConnection connection);

    /// <summary>Asks the system for a new token, saves it, and returns it.</summary>
    protected abstract Task<string> RenewAsync(TenantData tenant, TConnection connection, CancellationToken cancellationToken);

    private string? Usable(TConnection connection, string? rejected)
    {
        var access = Access(connection);
        if (StoreTime.Parse(access.ExpiresAt) <= clock.GetUtcNow().AddSeconds(refreshMarginSeconds))
        {
            return null;
        }

        var token = protector.Unprotect(access.ProtectedToken);
        return token == rejected ? null : token;
    }
}
