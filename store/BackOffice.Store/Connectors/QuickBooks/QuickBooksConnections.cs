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
    QuickBooksOAuth oauth, QuickBooksApi api, ITokenProtector protector, ConnectionAudit audit, TimeProvider clock)
{
    /// <summary>A state value an attacker cannot guess, checked when the redirect comes back.</summary>
    public static string NewState() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string AuthorizeUrl(string state, string redirectUri) => oauth.AuthorizeUrl(state, redirectUri);

    /// <summary>
    /// Exchanges the code from the redirect, reads the company's name with the new token, then stores the connection and
    /// its audit event in one unit (issue 13): a failure anywhere before the commit stores neither. Returns it as stored.
    /// </summary>
    public async Task<QuickBooksConnection> CompleteAsync(
        TenantData tenant, string code, string realmId, string redirectUri, ConnectionActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(realmId))
        {
            throw new QuickBooksResponseException("The QuickBooks redirect lacks 'code' or 'realmId'.");
        }

        var issued = await oauth.ExchangeCodeAsync(code, redirectUri, cancellationToken);
        var company = await CompanyInfoOrRevokeAsync(realmId, issued, cancellationToken);
        var now = clock.GetUtcNow();
        var connection = new QuickBooksConnection(
            realmId, company["CompanyName"]?.ToString(), actor.User, StoreTime.ToText(now), protector.Protect(issued.AccessToken),
            StoreTime.ToText(now.AddSeconds(issued.ExpiresInSeconds)), protector.Protect(issued.RefreshToken),
            issued.RefreshExpiresInSeconds is { } s ? StoreTime.ToText(now.AddSeconds(s)) : null,
            QuickBooksConnection.Connected, null, null);
        await audit.RecordAsync(tenant, actor, ConnectionAudit.Connected, "quickbooks", realmId, connection.CompanyName,
            (unit, ct) => tenant.QuickBooks.SaveAsync(unit, connection, ct), cancellationToken);
        return connection;
    }

    /// <summary>
    /// Issue 13: the code exchange has issued a grant, but nothing is stored if CompanyInfo cannot be read; so the grant
    /// is revoked at Intuit (with the refresh token: revoking it revokes the grant, qbo.md section 1) before the error is
    /// reported, and if the revoke fails too the error says so, as the person must then remove the app in Intuit.
    /// </summary>
    private async Task<System.Text.Json.Nodes.JsonObject> CompanyInfoOrRevokeAsync(string realmId, QuickBooksTokenSet issued, CancellationToken cancellationToken)
    {
        try
        {
            return await api.CompanyInfoAsync(realmId, issued.AccessToken, cancellationToken);
        }
        catch (Exception read) when (read is QuickBooksFaultException or QuickBooksResponseException or HttpRequestException)
        {
            var failed = $"the company's details (CompanyInfo) could not be read: {read.Message}";
            try
            {
                await oauth.RevokeAsync(issued.RefreshToken, cancellationToken);
            }
            catch (Exception revoke) when (revoke is QuickBooksFaultException or QuickBooksResponseException or HttpRequestException)
            {
                throw new QuickBooksConnectException(
                    $"{failed}. Revoking the grant Intuit had just issued failed too ({revoke.Message}): remove the app's access in QuickBooks " +
                    "(Intuit's app management, Settings > Manage apps / apps.intuit.com). Nothing was stored.", read);
            }

            throw new QuickBooksConnectException($"{failed}. The grant Intuit had just issued was revoked; nothing was stored.", read);
        }
    }

    /// <summary>
    /// Revokes the grant at Intuit (revoking the refresh token revokes it, qbo.md section 1), then marks the connection
    /// disconnected and audits it in one unit.
    /// </summary>
    public async Task<QuickBooksConnection> DisconnectAsync(TenantData tenant, ConnectionActor actor, CancellationToken cancellationToken)
    {
        var connection = await tenant.QuickBooks.CurrentAsync(cancellationToken)
                         ?? throw new QuickBooksNotConnectedException($"Tenant {tenant.Tenant} has no QuickBooks connection to disconnect.");
        await oauth.RevokeAsync(protector.Unprotect(connection.RefreshToken), cancellationToken);
        await audit.RecordAsync(tenant, actor, ConnectionAudit.Disconnected, "quickbooks", connection.RealmId, connection.CompanyName,
            (unit, ct) => tenant.QuickBooks.SetStatusAsync(unit, connection.RealmId, QuickBooksConnection.Disconnected, null, ct), cancellationToken);
        return connection with { Status = QuickBooksConnection.Disconnected };
    }
}
