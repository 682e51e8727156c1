using System.Text.RegularExpressions;

namespace BackOffice.Store.Tenancy;

/// <summary>
/// Where all state lives: <c>control.db</c> (tenants, users, the control audit chain) and one folder per
/// tenant holding <c>tenant.db</c> and the files the tenant's bundles carried (DESIGN.md rule 6).
/// </summary>
public sealed partial class DataDirectory
{
    public DataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        AuditKeyFile = DefaultAuditKeyFile;
    }

    public string Root { get; }

    public string ControlDatabasePath => Path.Combine(Root, "control.db");

    /// <summary>Issue 19: where the audit chains' key is by default, beside the databases but not in them.</summary>
    public string DefaultAuditKeyFile => Path.Combine(Root, "keys", "audit-chain.key");

    /// <summary>The audit key file in use: <see cref="DefaultAuditKeyFile"/> or the configured Audit:KeyFile.</summary>
    public string AuditKeyFile { get; private set; } = "";

    /// <summary>True when Audit:KeyFile named the key file; then a missing file is an error, never a new key.</summary>
    public bool AuditKeyConfigured { get; private set; }

    /// <summary>Keys the chains with the key in <paramref name="path"/> (the composition root calls this from Audit:KeyFile).</summary>
    public void UseAuditKeyFile(string path)
    {
        AuditKeyFile = Path.GetFullPath(path);
        AuditKeyConfigured = true;
    }

    public string TenantsFolder => Path.Combine(Root, "tenants");

    public string TenantFolder(string tenant) => Path.Combine(TenantsFolder, ValidTenantName(tenant));

    public string TenantDatabasePath(string tenant) => Path.Combine(TenantFolder(tenant), "tenant.db");

    public string TenantFilesFolder(string tenant, string kind) => Path.Combine(TenantFolder(tenant), kind);

    /// <summary>Tenant names become folder names, so only lower-case letters, digits and hyphens.</summary>
    public static string ValidTenantName(string tenant) =>
        TenantName().IsMatch(tenant)
            ? tenant
            : throw new ArgumentException($"Tenant name '{tenant}' is not valid: use 1-63 lower-case letters, digits or hyphens, starting with a letter or digit.", nameof(tenant));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex TenantName();
}
