using System.Security.Claims;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Host.Auth;

/// <summary>
/// Turns the authenticated principal into a <see cref="Caller"/> for one tenant. The role is read from the control
/// database on every request, so a demotion takes effect at once rather than when a cookie expires.
/// </summary>
public sealed class CallerResolver(UserDirectory users, TenantRegistry tenants, BackOffice.Store.Tenancy.TenantDataSource data)
{
    public async Task<UserRecord> UserAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var name = principal.Identity?.IsAuthenticated == true ? principal.Identity.Name : null;
        return (name is null ? null : await users.FindAsync(name, cancellationToken))
               ?? throw new UnauthorizedAccessException("Sign in first.");
    }

    public async Task<Caller> ForTenantAsync(HttpContext http, string tenant, CancellationToken cancellationToken)
    {
        var user = http.Items.TryGetValue(ApiTokenHandler.UserItem, out var read) && read is UserRecord fromToken
                   && fromToken.Id == http.User.Identity?.Name
            ? fromToken
            : await UserAsync(http.User, cancellationToken);
        if (!CanSee(user, tenant) || !await tenants.ExistsAsync(tenant, cancellationToken))
        {
            throw new TenantNotVisibleException(tenant);
        }

        return new Caller(user, ToActor(user), data.For(tenant));
    }

    /// <summary>Tenants this user may see: their own, or every tenant for install staff (tenant NULL).</summary>
    public async Task<IReadOnlyList<string>> VisibleTenantsAsync(UserRecord user, CancellationToken cancellationToken) =>
        (await tenants.ListAsync(cancellationToken)).Select(t => t.Id).Where(t => CanSee(user, t)).ToList();

    public static Actor ToActor(UserRecord user) => new(user.Id, Enum.Parse<Role>(user.Role, ignoreCase: true), user.Department);

    private static bool CanSee(UserRecord user, string tenant) => user.Tenant is null || user.Tenant == tenant;
}
