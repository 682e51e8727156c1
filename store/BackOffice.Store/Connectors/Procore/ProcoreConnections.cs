using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Connecting and disconnecting a tenant's Procore company (issue 14): a person's authorization code (the redirect is
/// received by the caller: a loopback listener on the command line) or a DMSA service account's client credentials;
/// the company is chosen once (the only one the token sees, or the one named) and sent as Procore-Company-Id from then on.
/// </summary>
public sealed class ProcoreConnections(ProcoreOAuth oauth, ProcoreApi api, ITokenProtector protector, ConnectionAudit audit, TimeProvider clock)
{
    public static string NewState() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string AuthorizeUrl(string state, string redirectUri) => oauth.AuthorizeUrl(state, redirectUri);

    public async Task<ProcoreConnection> CompleteAsync(
        TenantData tenant, string code, string redirectUri, string? companyId, ConnectionActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ProcoreResponseException("The Procore redirect lacks 'code'.");
        }

        var issued = await oauth.ExchangeCodeAsync(code, redirectUri, cancellationToken);
        return await SaveAsync(tenant, ProcoreOAuth.AuthorizationCode, issued, companyId, actor, cancellationToken);
    }

    /// <summary>Client credentials of a Developer Managed Service Account installed in the company (oauth_client_credentials.md).</summary>
    public async Task<ProcoreConnection> ConnectServiceAccountAsync(
        TenantData tenant, string? companyId, ConnectionActor actor, CancellationToken cancellationToken)
    {
        var issued = await oauth.ClientCredentialsAsync(cancellationToken);
        return await SaveAsync(tenant, ProcoreOAuth.ClientCredentials, issued, companyId, actor, cancellationToken);
    }

    /// <summary>
    /// The companies a DMSA service account sees (a client credentials token, then GET /rest/v1.0/companies), so the
    /// console can offer them to choose from (issue 14); nothing is stored. A company across Procore regions answers
    /// <see cref="ProcoreNotConnectedException"/>: the company must then be named.
    /// </summary>
    public async Task<IReadOnlyList<(string Id, string? Name)>> ServiceAccountCompaniesAsync(CancellationToken cancellationToken)
    {
        var issued = await oauth.ClientCredentialsAsync(cancellationToken);
        return (await CompaniesAsync(issued.AccessToken, null, cancellationToken))
            .Select(c => (Id: c["id"]?.ToString() ?? "", Name: c["name"]?.ToString())).Where(c => c.Id.Length > 0).ToList();
    }

    /// <summary>Revokes the token at Procore (the access and refresh token together), then marks the connection disconnected and audits it in one unit.</summary>
    public async Task<ProcoreConnection> DisconnectAsync(TenantData tenant, ConnectionActor actor, CancellationToken cancellationToken)
    {
        var connection = await tenant.Procore.CurrentAsync(cancellationToken)
                         ?? throw new ProcoreNotConnectedException($"Tenant {tenant.Tenant} has no Procore connection to disconnect.");
        await oauth.RevokeAsync(protector.Unprotect(connection.RefreshToken ?? connection.AccessToken), cancellationToken);
        await audit.RecordAsync(tenant, actor, ConnectionAudit.Disconnected, "procore", connection.CompanyId, connection.CompanyName,
            (unit, ct) => tenant.Procore.SetStatusAsync(unit, connection.CompanyId, ProcoreConnection.Disconnected, null, ct), cancellationToken);
        return connection with { Status = ProcoreConnection.Disconnected };
    }

    private async Task<ProcoreConnection> SaveAsync(
        TenantData tenant, string grant, ProcoreTokenSet issued, string? companyId, ConnectionActor actor, CancellationToken cancellationToken)
    {
        var company = Choose(await CompaniesAsync(issued.AccessToken, companyId, cancellationToken), companyId);
        var now = clock.GetUtcNow();
        var connection = new ProcoreConnection(
            company.Id, company.Name, grant, actor.User, StoreTime.ToText(now), protector.Protect(issued.AccessToken),
            StoreTime.ToText(now.AddSeconds(issued.ExpiresInSeconds)), issued.RefreshToken is null ? null : protector.Protect(issued.RefreshToken),
            ProcoreConnection.Connected, null, null);
        // Issue 13: the connection and its audit event in one unit.
        await audit.RecordAsync(tenant, actor, ConnectionAudit.Connected, "procore", company.Id, company.Name,
            (unit, ct) => tenant.Procore.SaveAsync(unit, connection, ct), cancellationToken);
        return connection;
    }

    /// <summary>
    /// GET /rest/v1.0/companies with the fresh token. A DMSA token in a company spread over Procore regions (MPR) must
    /// send Procore-Company-Id even here (oauth_client_credentials.md), so without --company Procore answers 400; a
    /// company the app is not installed in answers 403 "App is not connected to this company" (error_reference.md).
    /// </summary>
    private async Task<IReadOnlyList<JsonObject>> CompaniesAsync(string accessToken, string? companyId, CancellationToken cancellationToken)
    {
        try
        {
            return await api.CompaniesAsync(accessToken, companyId, cancellationToken);
        }
        catch (ProcoreApiException ex) when (ex.Status == 403 && companyId is not null)
        {
            throw new ProcoreNotConnectedException($"This Procore app cannot see company {companyId}: {ex.Message}");
        }
        catch (ProcoreApiException ex) when (ex.Status == 400 && companyId is null)
        {
            throw new ProcoreNotConnectedException(
                "Procore wants the company named on this call (a service account of a company in several Procore regions): run again with " +
                $"--company ID, the number after app.procore.com/ in the browser's address bar when signed in to the company. {ex.Message}");
        }
    }

    /// <summary>The named company, or the only one; several and none named is a question for the person, not a guess.</summary>
    private static (string Id, string? Name) Choose(IReadOnlyList<JsonObject> companies, string? companyId)
    {
        var listed = companies.Select(c => (Id: c["id"]?.ToString() ?? "", Name: c["name"]?.ToString())).ToList();
        if (companyId is not null)
        {
            return listed.FirstOrDefault(c => c.Id == companyId) is { Id.Length: > 0 } named
                ? named
                : throw new ProcoreNotConnectedException($"This Procore app cannot see company {companyId}; it sees: {Names(listed)}.");
        }

        return listed.Count == 1
            ? listed[0]
            : throw new ProcoreNotConnectedException($"Choose the Procore company with --company ID; this app sees: {Names(listed)}.");
    }

    private static string Names(List<(string Id, string? Name)> companies) =>
        companies.Count == 0 ? "none" : string.Join(", ", companies.Select(c => $"{c.Id} ({c.Name})"));
}
