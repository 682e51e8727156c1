using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Store.Control;

namespace BackOffice.Host.Auth;

/// <summary>The signed-in person as the gate sees them, and the tenant they are working in.</summary>
public sealed record Caller(UserRecord User, Actor Actor, BackOffice.Store.Tenancy.TenantData Data)
{
    public string Tenant => Data.Tenant;
}

/// <summary>
/// A tenant the caller may not see. Answered 404, exactly like a tenant that does not exist (issue 9), so a user of
/// tenant A cannot even learn that tenant B exists.
/// </summary>
public sealed class TenantNotVisibleException(string tenant) : Exception($"Tenant '{tenant}' was not found.")
{
    public string Tenant { get; } = tenant;
}
