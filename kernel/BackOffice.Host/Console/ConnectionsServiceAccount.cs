using System.Text;
using BackOffice.Host.Auth;
using BackOffice.Store.Connectors.Procore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 14: "Connect Procore service account" on the admin page, the console's `connect procore --client-credentials`.
/// A POST (anti-forgery token, admins only) without a company lists the companies the Developer Managed Service Account
/// sees (client credentials, then GET /rest/v1.0/companies) and connects the only one, or offers them to choose from; a
/// POST naming the company connects it with the same <see cref="ProcoreConnections"/> code as the CLI (tokens encrypted
/// at rest) and audits connection.connected. No browser redirect: the grant needs none.
/// </summary>
public static class ConnectionsServiceAccount
{
    public const string Path = "/admin/connections/procore/service-account";

    public static async Task<IResult> PostAsync(HttpContext http, Caller caller, string company)
    {
        if (ConnectionsPages.Refused(caller, ConnectionsPages.Procore) is { } refused)
        {
            return refused;
        }

        var services = http.RequestServices;
        if (!services.GetRequiredService<ProcoreOptions>().Configured)
        {
            return Failed(caller, "Procore is not configured: set Procore:ClientId and Procore:ClientSecret to the service account's credentials.", null);
        }

        var connections = services.GetRequiredService<ProcoreConnections>();
        try
        {
            company = company.Trim();
            if (company.Length == 0)
            {
                var companies = await connections.ServiceAccountCompaniesAsync(http.RequestAborted);
                if (companies.Count != 1)
                {
                    return Page("Choose the Procore company", Chooser(http, caller.Tenant, companies), caller);
                }

                company = companies[0].Id;
            }

            // Issue 13: the connection row and its audit event are written in one unit by the connector itself.
            var connection = await connections.ConnectServiceAccountAsync(caller.Data, company, ConnectionsPages.Actor(caller), http.RequestAborted);
            var message = $"Connected Procore company {connection.CompanyName} ({connection.CompanyId}) with the service account.";
            return Results.Redirect($"{Tenant(caller.Tenant)}/admin?msg={Uri.EscapeDataString(message)}");
        }
        catch (Exception ex) when (ex is ProcoreNotConnectedException or ProcoreOAuthException or ProcoreApiException or ProcoreResponseException)
        {
            return Failed(caller, ex.Message, Form(http, caller.Tenant, CompanyField("")));
        }
    }

    /// <summary>The admin page's button: no company asks the service account which companies it sees.</summary>
    public static string Button(HttpContext http, string tenant) => Form(http, tenant, "", "Connect Procore service account");

    private static string Chooser(HttpContext http, string tenant, IReadOnlyList<(string Id, string? Name)> companies)
    {
        if (companies.Count == 0)
        {
            return Notice("The service account sees no company: have a company admin install the app from the App Marketplace.", error: true)
                + ConnectionsPages.Back(tenant);
        }

        var choices = new StringBuilder();
        foreach (var (id, name) in companies)
        {
            choices.Append($"<label><input type=\"radio\" name=\"company\" value=\"{E(id)}\" required> {E(name)} ({E(id)})</label><br>");
        }

        return "<p>The service account sees several companies; choose the one this tenant's books are in.</p>"
            + Form(http, tenant, choices.ToString()) + ConnectionsPages.Back(tenant);
    }

    private static IResult Failed(Caller caller, string message, string? retry) =>
        Page("Cannot connect", Notice(message, error: true) + (retry ?? "") + ConnectionsPages.Back(caller.Tenant), caller, StatusCodes.Status400BadRequest);

    private static string CompanyField(string value) =>
        $"<label>Company id <input name=\"company\" value=\"{E(value)}\" size=\"10\" inputmode=\"numeric\" required></label> ";

    private static string Form(HttpContext http, string tenant, string fields, string label = "Connect") =>
        $"<form method=\"post\" action=\"{Tenant(tenant)}{Path}\">{Token(http)}{fields}<button>{E(label)}</button></form>";
}
