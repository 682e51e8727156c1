using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Live access tokens for a tenant's Procore connection (issue 14), renewed single-flight per tenant and company
/// (<see cref="ConnectorTokens{TConnection}"/>, shared with QuickBooks): by the refresh token for a person's grant
/// (single-use, saved the moment it arrives), by the client-credentials grant for a DMSA service account.
/// </summary>
public sealed class ProcoreTokens(ProcoreOAuth oauth, ITokenProtector protector, ProcoreOptions options, TimeProvider clock)
    : ConnectorTokens<ProcoreConnection>(protector, clock, options.RefreshMarginSeconds)
{
    /// <summary>Stores a token encrypted, with its absolute expiry time.</summary>
    public Task SaveAsync(TenantData tenant, string companyId, ProcoreTokenSet tokens, CancellationToken cancellationToken) =>
        tenant.Procore.SaveTokensAsync(companyId, Protector.Protect(tokens.AccessToken),
            StoreTime.ToText(Clock.GetUtcNow().AddSeconds(tokens.ExpiresInSeconds)),
            tokens.RefreshToken is null ? null : Protector.Protect(tokens.RefreshToken), cancellationToken);

    protected override StoredAccess Access(ProcoreConnection connection) =>
        new("procore|" + connection.CompanyId, connection.AccessToken, connection.AccessExpiresAt);

    protected override async Task<string> RenewAsync(TenantData tenant, ProcoreConnection connection, CancellationToken cancellationToken)
    {
        ProcoreTokenSet tokens;
        try
        {
            tokens = connection.GrantType == ProcoreOAuth.ClientCredentials || connection.RefreshToken is null
                ? await oauth.ClientCredentialsAsync(cancellationToken)
                : await oauth.RefreshAsync(Protector.Unprotect(connection.RefreshToken), cancellationToken);
        }
        catch (ProcoreOAuthException ex) when (ex.Code is "invalid_grant" or "invalid_client")
        {
            await tenant.Procore.SetStatusAsync(connection.CompanyId, ProcoreConnection.NeedsReconnect, ex.Message, cancellationToken);
            throw new ProcoreReconnectException(tenant.Tenant, ex.Code == "invalid_grant" ? "the grant is expired or revoked" : "the client credentials are refused");
        }

        await SaveAsync(tenant, connection.CompanyId, tokens, cancellationToken);
        return tokens.AccessToken;
    }

    protected override async Task<ProcoreConnection> RequireAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        var connection = await tenant.Procore.CurrentAsync(cancellationToken)
                         ?? throw new ProcoreNotConnectedException(
                             $"Tenant {tenant.Tenant} has no Procore connection: run `backoffice connect procore --tenant {tenant.Tenant}`.");
        return connection.Status == ProcoreConnection.NeedsReconnect
            ? throw new ProcoreReconnectException(tenant.Tenant, connection.LastError ?? "the grant is no longer valid")
            : connection;
    }
}
