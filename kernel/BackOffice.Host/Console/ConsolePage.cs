using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Runs one console page for the signed-in caller in a tenant. The same exceptions the API maps to ProblemDetails
/// become an error page with the same status (403 refused, 409 wrong state, 404 other tenant).
/// </summary>
public static class ConsolePage
{
    public static async Task<IResult> RunAsync(HttpContext http, string tenant, Func<Caller, Task<IResult>> page)
    {
        var callers = http.RequestServices.GetRequiredService<CallerResolver>();
        Caller? signedIn = null;
        try
        {
            var caller = await callers.ForTenantAsync(http, tenant, http.RequestAborted);
            signedIn = caller;
            return await page(caller);
        }
        catch (Exception ex) when (ApiExceptionHandler.Classify(ex) is { } mapped)
        {
            var visible = ex is TenantNotVisibleException or Store.Control.UnknownTenantException ? null : tenant;
            var back = visible is null ? "/" : Html.Tenant(visible) + "/inbox";
            var body = Html.Notice(ex.Message, error: true) + ChangedFields(ex) + $"<p><a href=\"{Html.E(back)}\">Back</a></p>";
            // Issue 17: an error inside a tenant the person may see keeps the page's own header (name and role, the
            // Admin and Import menus); only a tenant they may not see falls back to the bare name.
            return signedIn is not null && visible is not null
                ? Html.Page(mapped.Title, body, signedIn, mapped.Status)
                : Html.Page(mapped.Title, body, http.User.Identity?.Name, visible, mapped.Status);
        }
    }

    /// <summary>Issue 17: an undo refused because the record changed in the ledger lists each changed field, before -> after.</summary>
    private static string ChangedFields(Exception ex) =>
        ex is Store.Ledger.LedgerChangedException { ChangedFields.Count: > 0 } changed
            ? "<h2>Changed in the ledger since we wrote it</h2><ul class=\"changed-fields\">"
              + string.Concat(changed.ChangedFields.Select(f => $"<li>{Html.E(f)}</li>")) + "</ul>"
            : "";
}
