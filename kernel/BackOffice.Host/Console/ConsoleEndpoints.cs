using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The approval console's routes (issue 9); each page lives in its own small file. The namespace is ApprovalConsole, not
/// Console, so that it does not hide System.Console from the CLI code of the same assembly.
/// </summary>
public static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        app.MapSignInPages();
        app.MapConnectionsCallback();
        var tenant = app.MapGroup("/t/{tenant}").RequireAuthorization();
        tenant.WithMetadata(new Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute());
        tenant.MapInboxPages();
        tenant.MapWorklistPages();
        tenant.MapSavedFilterPages();
        tenant.MapJobsPage();
        tenant.MapDashboardPage();
        tenant.MapAskBox();
        tenant.MapAdminPages();
        tenant.MapTokensPage();
        tenant.MapConnectionsPages();
        tenant.MapImportPages(app.ServiceProvider.GetRequiredService<IOptions<ConsoleOptions>>().Value.ImportMaxBytes);
        tenant.MapAuditPage();
        return app;
    }
}
