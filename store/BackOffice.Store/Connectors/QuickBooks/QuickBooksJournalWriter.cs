using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Ledger;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Journal entries into QuickBooks Online (issue 13): reclass, retainage and allowance entries become JournalEntry
/// objects with JournalEntryLineDetail lines (PostingType Debit/Credit, AccountRef, and Entity with a Customer
/// EntityRef where the line names a customer; Intuit's JournalEntry reference, qbo.md section 5), sent with
/// <c>requestid</c> = the proposal's idempotency key. Intuit publishes no retention for requestid, so a create first
/// looks for an entry of the same date whose memo (PrivateNote) carries that key. QuickBooks' answer is applied to
/// the local ledger tables at once. Lines carry the ClassRef the tenant maps their job or account to.
/// </summary>
public sealed class QuickBooksJournalWriter(QuickBooksApi api, QuickBooksLists lists) : IJournalWriter
{
    public async Task<LedgerWriteResult> CreateJournalEntryAsync(
        TenantData tenant, JournalEntryDraft entry, string requestId, CancellationToken cancellationToken)
    {
        var marker = QuickBooksLedgerWriter.Marker(requestId);
        // Resolved before anything is sent: a class setting that names no synced class fails the write with nothing written.
        var map = await lists.ClassesAsync(tenant, cancellationToken);
        var classes = entry.Lines.Select(line => map.ClassFor(line.CustomerId, line.AccountId)).ToList();
        var sameDay = await api.QueryAsync(tenant, $"SELECT * FROM JournalEntry WHERE TxnDate = '{QuickBooksRowSql.Iso(entry.TxnDate)}'", cancellationToken);
        var created = (sameDay["JournalEntry"] as JsonArray ?? []).OfType<JsonObject>()
                          .FirstOrDefault(e => e["PrivateNote"]?.ToString()?.Contains(marker, StringComparison.Ordinal) == true)
                      ?? await api.CreateAsync(tenant, "JournalEntry", Body(entry, marker, classes), requestId, cancellationToken);
        await tenant.QuickBooksSync.ApplyAsync("JournalEntry", [(JsonObject)created.DeepClone()], null, cancellationToken);
        var json = new QuickBooksJson("JournalEntry", created);
        return new LedgerWriteResult(json.Id, json.SyncToken, new JsonObject { ["JournalEntry"] = created.DeepClone() });
    }

    public async Task<LedgerWriteResult> DeleteJournalEntryAsync(
        TenantData tenant, string entryId, long syncToken, string requestId, CancellationToken cancellationToken)
    {
        var deleted = await api.DeleteAsync(tenant, "JournalEntry", entryId, syncToken.ToString(CultureInfo.InvariantCulture), requestId, cancellationToken);
        await tenant.QuickBooksSync.ApplyAsync("JournalEntry", [new JsonObject { ["Id"] = entryId, ["status"] = "Deleted" }], null, cancellationToken);
        return new LedgerWriteResult(entryId, syncToken, new JsonObject { ["JournalEntry"] = deleted.DeepClone() });
    }

    /// <summary>Read back from QuickBooks, not the local copy: undo must see an edit made there since the last sync.</summary>
    public async Task<long?> JournalEntrySyncTokenAsync(TenantData tenant, string entryId, CancellationToken cancellationToken) =>
        await QuickBooksReadBack.ReadOrForgetAsync(api, tenant, "JournalEntry", entryId, cancellationToken) is { } entry
            ? new QuickBooksJson("JournalEntry", entry).SyncToken
            : null;

    public Task<JsonObject?> JournalEntryAsync(TenantData tenant, string entryId, CancellationToken cancellationToken) =>
        QuickBooksReadBack.ReadOrForgetAsync(api, tenant, "JournalEntry", entryId, cancellationToken);

    private static JsonObject Body(JournalEntryDraft entry, string marker, IReadOnlyList<string?> classes) => new()
    {
        ["TxnDate"] = QuickBooksRowSql.Iso(entry.TxnDate),
        ["DocNumber"] = entry.DocNumber,
        // PrivateNote holds at most 4000 characters (qbo.md section 5); the memo keeps its prefix, which names the source line.
        ["PrivateNote"] = entry.Memo is null ? marker : $"{entry.Memo[..Math.Min(entry.Memo.Length, 3900)]} {marker}",
        ["Line"] = new JsonArray(entry.Lines.Select((line, n) => (JsonNode)new JsonObject
        {
            ["Amount"] = line.Amount,
            ["Description"] = line.Description,
            ["DetailType"] = "JournalEntryLineDetail",
            ["JournalEntryLineDetail"] = new JsonObject
            {
                ["PostingType"] = line.PostingType.ToString(),
                ["AccountRef"] = new JsonObject { ["value"] = line.AccountId },
                // Issue 16: a line has one entity; a vendor's (an A/P line of a retainage payable true-up) comes before the job's.
                ["Entity"] = line.VendorId is not null
                    ? new JsonObject { ["Type"] = "Vendor", ["EntityRef"] = new JsonObject { ["value"] = line.VendorId } }
                    : line.CustomerId is null ? null : new JsonObject
                    {
                        ["Type"] = "Customer", ["EntityRef"] = new JsonObject { ["value"] = line.CustomerId },
                    },
                ["ClassRef"] = QuickBooksJson.Reference(classes[n]),
            },
        }).ToArray()),
    };
}
