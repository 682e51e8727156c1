using System.Text.Json.Nodes;

namespace BackOffice.Store.Ledger;

/// <summary>
/// Which of the fields we wrote differ between our written snapshot of a record and the record as the ledger holds it
/// now (issue 13: undo refuses an edited record and says what changed). Both sides are in QuickBooks' shape (the
/// sandbox answers in it too): header fields, then per line the amount and the references of its detail
/// (AccountBasedExpenseLineDetail, JournalEntryLineDetail, an invoice's SalesItemLineDetail), matched by position.
/// </summary>
public static class LedgerChanges
{
    private static readonly string[] Header = ["VendorRef", "CustomerRef", "DocNumber", "TxnDate", "DueDate", "TotalAmt", "PrivateNote"];
    // ItemRef: an invoice's SalesItemLineDetail (issue 13); bills and journal lines have none, so it never differs there.
    private static readonly string[] LineDetail = ["AccountRef", "ItemRef", "CustomerRef", "ClassRef", "PostingType", "Entity", "BillableStatus"];

    /// <summary>"TotalAmt 9000.00 -> 9500.00", "Line 1 AccountRef 64 -> 81", "Lines 2 -> 3"; empty when none of our fields moved.</summary>
    public static IReadOnlyList<string> Between(JsonObject written, JsonObject current)
    {
        var changes = new List<string>();
        foreach (var field in Header)
        {
            Compare(changes, field, written[field], current[field]);
        }

        var ours = written["Line"] as JsonArray ?? [];
        var theirs = current["Line"] as JsonArray ?? [];
        if (ours.Count != theirs.Count)
        {
            changes.Add($"Lines {ours.Count} -> {theirs.Count}");
        }

        for (var i = 0; i < Math.Min(ours.Count, theirs.Count); i++)
        {
            Compare(changes, $"Line {i + 1} Amount", ours[i]?["Amount"], theirs[i]?["Amount"]);
            var mine = Detail(ours[i]);
            var now = Detail(theirs[i]);
            foreach (var field in LineDetail)
            {
                Compare(changes, $"Line {i + 1} {field}", mine?[field], now?[field]);
            }
        }

        return changes;
    }

    /// <summary>
    /// The refusal of an undo whose record moved on since we wrote it (its SyncToken), naming our fields that differ
    /// between <paramref name="written"/> (what the ledger answered to our write) and <paramref name="current"/>.
    /// </summary>
    public static LedgerChangedException Refusal(string record, string id, long then, long now, JsonObject? written, JsonObject? current)
    {
        var fields = written is not null && current is not null ? Between(written, current) : [];
        var what = fields.Count > 0
            ? $"changed: {string.Join("; ", fields)}"
            : "none of the fields we wrote differ, so the change is elsewhere (a note, an attachment, a linked payment)";
        return new LedgerChangedException(
            $"{record} {id} was changed in the ledger after we wrote it (SyncToken {then} then, {now} now); {what}. " +
            $"Undo refused. Review the change there, then delete the {record.ToLowerInvariant()} by hand if it should go.", fields);
    }

    private static JsonObject? Detail(JsonNode? line) =>
        line?["DetailType"]?.ToString() is { } type ? line[type] as JsonObject : null;

    private static void Compare(List<string> changes, string name, JsonNode? before, JsonNode? after)
    {
        var was = Text(before);
        var now = Text(after);
        if (!string.Equals(was, now, StringComparison.Ordinal))
        {
            changes.Add($"{name} {was ?? "(none)"} -> {now ?? "(none)"}");
        }
    }

    /// <summary>A value as text: a reference by its value (Id), an amount as a decimal so 9000 and 9000.00 are equal.</summary>
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonObject reference when reference["EntityRef"] is JsonObject entity => Text(entity),
        JsonObject reference => reference["value"]?.ToString(),
        JsonValue value when value.TryGetValue<decimal>(out var amount) => amount.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture),
        _ => node.ToString(),
    };
}
