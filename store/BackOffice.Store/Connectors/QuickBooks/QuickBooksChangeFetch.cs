using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// One entity operation a QuickBooks webhook names (issue 13): the legacy payload's
/// eventNotifications[].dataChangeEvent.entities[] {name, id, operation, lastUpdated, deletedId} or a CloudEvent
/// qbo.{entity}.{operation}.v1 with intuitentityid (qbo.md section 9; Intuit .NET SDK Entity.cs, WebhooksCloudEvent.cs).
/// </summary>
public sealed record QuickBooksChange(string Entity, string Id, string Operation, string? DeletedId)
{
    /// <summary>The payload's lastUpdated (a CloudEvent's time), when it names one: an older one than the local copy is skipped.</summary>
    public DateTimeOffset? LastUpdated { get; init; }
}

/// <summary>What the fetch did with one change (issue 13): an outcome of <see cref="QuickBooksWebhookEventStore"/> and the detail.</summary>
public sealed record QuickBooksChangeResult(string Outcome, string? Detail);

/// <summary>
/// Issue 13: a webhook fetches only what it names. Each (entity, id) is read by id once however many deliveries name
/// it, the latest operation deciding: an operation whose lastUpdated is older than the copy we hold is skipped (a
/// late or redelivered notification); Delete removes the row locally; Create, Update, Void and Emailed read the entity
/// and apply it (an id QuickBooks no longer has, error 610, is removed); Merge reads the survivor and the merged-away
/// <c>deletedId</c> (gone: removed), and then says a change-data-capture pass is needed, since QuickBooks re-points the
/// merged-away record's transactions to the survivor and a webhook does not name them. Entities the back office does
/// not read (Employee, Estimate, ...) are skipped.
/// </summary>
public sealed class QuickBooksChangeFetch(QuickBooksApi api, QuickBooksOptions options)
{
    /// <summary>What the fetch did for each change it applied, and whether a CDC pass should follow (a Merge).</summary>
    public sealed record Outcome(IReadOnlyList<(QuickBooksChange Change, QuickBooksChangeResult Did)> Done, bool NeedsCdc)
    {
        /// <summary>What was done for this change's entity and id (a later operation on it decides); skipped when the back office does not read the entity.</summary>
        public QuickBooksChangeResult For(QuickBooksChange change) =>
            Done.Where(d => string.Equals(d.Change.Entity, change.Entity, StringComparison.OrdinalIgnoreCase) && d.Change.Id == change.Id)
                .Select(d => d.Did).FirstOrDefault()
            ?? new QuickBooksChangeResult(QuickBooksWebhookEventStore.Skipped, $"{change.Entity} is not an entity the back office reads");
    }

    public async Task<Outcome> ApplyAsync(TenantData tenant, IReadOnlyList<QuickBooksChange> changes, CancellationToken cancellationToken)
    {
        var order = QuickBooksSyncStore.Entities;
        var latest = changes
            .Select(c => c with { Entity = order.FirstOrDefault(e => string.Equals(e, c.Entity, StringComparison.OrdinalIgnoreCase)) ?? "" })
            .Where(c => c.Entity.Length > 0)
            .GroupBy(c => (c.Entity, c.Id)).Select(g => g.Last())
            .OrderBy(c => order.ToList().IndexOf(c.Entity)).ToList();
        var done = new List<(QuickBooksChange, QuickBooksChangeResult)>();
        foreach (var change in latest)
        {
            done.Add((change, await ApplyOneAsync(tenant, change, cancellationToken)));
        }

        return new Outcome(done, latest.Any(c => IsOperation(c, "Merge")));
    }

    private async Task<QuickBooksChangeResult> ApplyOneAsync(TenantData tenant, QuickBooksChange change, CancellationToken cancellationToken)
    {
        if (IsOperation(change, "Delete"))
        {
            return new(QuickBooksWebhookEventStore.Deleted, await RemoveAsync(tenant, change.Entity, change.Id, cancellationToken));
        }

        if (!IsOperation(change, "Merge") && change.LastUpdated is { } named
            && await tenant.QuickBooksSync.HeldUpdatedAtAsync(change.Entity, change.Id, cancellationToken) is { } heldText
            && DateTimeOffset.TryParse(heldText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var held) && named < held)
        {
            return new(QuickBooksWebhookEventStore.Skipped, $"older than the local copy (last updated {heldText})");
        }

        if (IsOperation(change, "Merge"))
        {
            var survivor = await ReadAsync(tenant, change.Entity, change.Id, cancellationToken);
            var gone = change.DeletedId is { Length: > 0 } away ? $"; merged away {away}: {await ReadAsync(tenant, change.Entity, away, cancellationToken)}" : "";
            return new(QuickBooksWebhookEventStore.Merged, survivor + gone);
        }

        var read = await ReadAsync(tenant, change.Entity, change.Id, cancellationToken);
        return new(read.StartsWith("read", StringComparison.Ordinal) ? QuickBooksWebhookEventStore.Fetched : QuickBooksWebhookEventStore.Deleted, read);
    }

    private async Task<string> ReadAsync(TenantData tenant, string entity, string id, CancellationToken cancellationToken)
    {
        var body = await api.ReadAsync(tenant, entity, id, cancellationToken);
        if (body is null)
        {
            return await RemoveAsync(tenant, entity, id, cancellationToken) + " (QuickBooks has no such id, 610)";
        }

        var counts = await tenant.QuickBooksSync.ApplyAsync(entity, [body], null, options.ItemSetting(tenant.Tenant, "RetainageItem"), cancellationToken);
        return counts.Added > 0 ? "read, added" : counts.Changed > 0 ? "read, changed" : "read, unchanged";
    }

    private static async Task<string> RemoveAsync(TenantData tenant, string entity, string id, CancellationToken cancellationToken)
    {
        var counts = await tenant.QuickBooksSync.ApplyAsync(entity, [new JsonObject { ["Id"] = id, ["status"] = "Deleted" }], null, cancellationToken);
        return counts.Deleted > 0 ? "deleted locally" : "not held";
    }

    private static bool IsOperation(QuickBooksChange change, string operation) =>
        string.Equals(change.Operation, operation, StringComparison.OrdinalIgnoreCase);
}
