using BackOffice.Store.Ledger;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>An active entry of a synced QuickBooks name list (a class or an item).</summary>
public sealed record QuickBooksListEntry(string Id, string Name, string FullyQualifiedName);

/// <summary>
/// Looks the classes and items a tenant's settings name up in the synced QuickBooks lists (issue 13): by Id, by
/// FullyQualifiedName, or by Name when only one entry has it. A name that is not there is a plain error naming the
/// setting, never a guess.
/// </summary>
public sealed class QuickBooksLists(QuickBooksOptions options) : ILedgerClassJobs
{
    /// <summary>The tenant's class mapping with the synced classes; reads nothing when the tenant maps no class.</summary>
    public async Task<QuickBooksClassMap> ClassesAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        var settings = options.For(tenant.Tenant);
        var mapsAny = settings.ClassByJob.Count > 0 || settings.ClassByAccount.Count > 0 || settings.DefaultClass is not null;
        return new QuickBooksClassMap(tenant.Tenant, settings, mapsAny ? await ActiveAsync(tenant, "ledger_classes", cancellationToken) : []);
    }

    /// <summary>
    /// The Id of the item a setting names ("InvoiceItem" or "RetainageItem"): the tenant's own, else the global one,
    /// checked against the synced items.
    /// </summary>
    public async Task<string> ItemAsync(TenantData tenant, string setting, CancellationToken cancellationToken)
    {
        var (key, name) = options.ItemSetting(tenant.Tenant, setting);
        if (name.Length == 0)
        {
            throw new QuickBooksMappingException(
                $"No QuickBooks item set for this write: set {key} (or QuickBooks:Tenants:{tenant.Tenant}:{setting}) to the name of an item in QuickBooks, e.g. \"Progress billing\".");
        }

        return Find(await ActiveAsync(tenant, "ledger_items", cancellationToken), key, name, "item", tenant.Tenant);
    }

    /// <summary>Where an item setting comes from for this tenant (issue 16: the sync reads invoices' retainage by it).</summary>
    public QuickBooksItemSetting Setting(TenantData tenant, string setting) => options.ItemSetting(tenant.Tenant, setting);

    /// <summary>
    /// Issue 16: the reverse of ClassByJob. A setting that names no synced class (or one that matches several) is left
    /// out rather than failing the read: the write that uses it fails in plain words (<see cref="QuickBooksClassMap"/>),
    /// and a class two jobs share names neither job.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> JobsByClassAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        var byJob = options.For(tenant.Tenant).ClassByJob;
        if (byJob.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var classes = await ActiveAsync(tenant, "ledger_classes", cancellationToken);
        return byJob.Select(m => (Job: m.Key, Matches: Matches(classes, m.Value)))
            .Where(m => m.Matches.Count == 1)
            .GroupBy(m => m.Matches[0].Id, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Job, StringComparer.Ordinal);
    }

    /// <param name="active">Whether <paramref name="entries"/> are the active entries only (for the error's words).</param>
    internal static string Find(IReadOnlyList<QuickBooksListEntry> entries, string setting, string name, string kind, string tenant, bool active = true)
    {
        var matches = Matches(entries, name);
        return matches.Count == 1
            ? matches[0].Id
            : throw new QuickBooksMappingException(
                $"{setting} names {kind} '{name}', which {(matches.Count > 0 ? "matches more than one" : active ? "is not an active" : "is not an")} {kind} in tenant {tenant}'s synced QuickBooks {(kind == "class" ? "classes" : kind + "s")}: " +
                $"fix the setting (a {kind}'s full name or Id), or add the {kind} in QuickBooks and run `backoffice sync --tenant {tenant}`.");
    }

    /// <summary>By Id, else by FullyQualifiedName, else by Name (case-insensitive for names).</summary>
    private static List<QuickBooksListEntry> Matches(IReadOnlyList<QuickBooksListEntry> entries, string name)
    {
        var matches = entries.Where(e => e.Id == name).ToList();
        if (matches.Count == 0)
        {
            matches = entries.Where(e => string.Equals(e.FullyQualifiedName, name, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        return matches.Count > 0 ? matches : entries.Where(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private static async Task<IReadOnlyList<QuickBooksListEntry>> ActiveAsync(TenantData tenant, string table, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return (await unit.Connection.QueryAsync<QuickBooksListEntry>(new CommandDefinition(
            $"SELECT id AS Id, name AS Name, fully_qualified_name AS FullyQualifiedName FROM {table} WHERE active = 1 ORDER BY id",
            cancellationToken: cancellationToken))).ToList();
    }
}

/// <summary>
/// Which class a bill or journal-entry line carries (issue 13): the class of its job, else of its account (a
/// department), else the tenant's default, else none. Looked up per line, so a wrong entry fails only the writes that use it.
/// </summary>
public sealed class QuickBooksClassMap(string tenant, QuickBooksTenantOptions settings, IReadOnlyList<QuickBooksListEntry> classes)
{
    public string? ClassFor(string? jobId, string accountId)
    {
        var prefix = $"QuickBooks:Tenants:{tenant}:";
        var (setting, name) = jobId is not null && settings.ClassByJob.TryGetValue(jobId, out var byJob) ? ($"{prefix}ClassByJob:{jobId}", byJob)
            : settings.ClassByAccount.TryGetValue(accountId, out var byAccount) ? ($"{prefix}ClassByAccount:{accountId}", byAccount)
            : settings.DefaultClass is { Length: > 0 } fallback ? ($"{prefix}DefaultClass", fallback)
            : (null, null);
        return setting is null ? null : QuickBooksLists.Find(classes, setting, name!, "class", tenant);
    }
}
