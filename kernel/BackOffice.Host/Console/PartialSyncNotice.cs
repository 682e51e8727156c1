using BackOffice.Store.Tenancy;
using Microsoft.AspNetCore.Http;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 13: the console's notice that the books are partly synced from QuickBooks (<see cref="Api.PartialSyncWarning"/>),
/// one piece of HTML for every page that shows figures from the books: the report pages and the ask box.
/// </summary>
public static class PartialSyncNotice
{
    public static async Task<string> HtmlAsync(HttpContext http, TenantData data) =>
        await Api.PartialSyncWarning.ForAsync(http.RequestServices, data, http.RequestAborted) is { } warning
            ? $"<p class=\"notice\" id=\"partial-sync\">{E(warning)}</p>"
            : "";
}
