using System.Security.Cryptography;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Connecting and disconnecting a tenant's QuickBooks company (issue 13): the authorization URL with a fresh state,
/// the code exchange (tokens saved encrypted, the company name read from CompanyInfo), and revoke on disconnect.
/// The redirect itself is received by the caller: a loopback listener on the command line, a route in the console.
/// </summary>
public sealed class QuickBooksConnections(
    QuickBooksOAuth oauth, QuickBooksTokens tokens, QuickBooksApi api, ITokenProtector protector, TimeProvider clock)
{
    /// <summary>A state value an attacker cannot guess, checked when the redirect comes back.</summary>
    public static string NewState() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string AuthorizeUrl(string state, string redirectUri) => oauth.AuthorizeUrl(state, redirectUri);

    /// <summary>Exchanges the code from the redirect and stores the connection; returns it as stored.</summary>
    public async Task<QuickBooksConnection> CompleteAsync(
        TenantData tenant, string code, string realmId, string redirectUri, string connectedBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(realmId))
        {
            throw new QuickBooksResponseException("The QuickBooks redirect lacks 'code' or 'realmId'.");
        }

        var issued = await oauth.ExchangeCodeAsync(code, redirectUri, cancellationToken);
        var now = StoreTime.ToText(clock.GetUtcNow());
        await tenant.QuickBooks.SaveAsync(new QuickBooksConnection(
            realmId, null, connectedBy, now, protector.Protect(issued.AccessToken), now, protector.Protect(issued.RefreshToken), null,
            QuickBooksConnection.Connected, null, null), cancellationToken);
        await tokens.SaveAsync(tenant, realmId, issued, cancellationToken);
        var company = await api.ReadAsync(tenant, "CompanyInfo", realmId, cancellationToken);
        var connection = (await tenant.QuickBooks.CurrentAsync(cancellationToken))!
            with { CompanyName = company?["CompanyName"]?.ToString() };
        await tenant.QuickBooks.SaveAsync(connection, cancellationToken);
        return connection;
    }

    /// <summary>Revokes the grant at Intuit (revoking the refresh token revokes it, qbo.md section 1) and marks the connection disconnected.</summary>
    public async Task<QuickBooksConnection> DisconnectAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        var connection = await tenant.QuickBooks.CurrentAsync(cancellationToken)
                         ?? throw new QuickBooksNotConnectedException($"Tenant {tenant.Tenant} has no QuickBooks connection to disconnect.");
        await oauth.RevokeAsync(protector.Unprotect(connection.RefreshToken), cancellationToken);
        await tenant.QuickBooks.SetStatusAsync(connection.RealmId, QuickBooksConnection.Disconnected, null, cancellationToken);
        return connection with { Status = QuickBooksConnection.Disconnected };
    }
}
