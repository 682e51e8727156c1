using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackOffice.Store.Records;
using BackOffice.Store.Tenancy;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 17: the record ids agents write into proposal and finding titles and narratives ("Reclass $685.00 of 01-000 to
/// acct-5400", "cost code account mismatch: je-302-1") shown as a controller knows the records: an account by number and
/// name ("5400 Subcontract costs"), a bill by number and vendor ("bill RP-2291 from Rivera Plumbing"), a journal line by
/// the entry's number ("journal entry JE-1032 line 1"), a payment by reference and customer, a commitment by number and
/// vendor. Resolved when the page is shown, not stored: the gate finds a proposal again by its idempotency key and
/// never rewrites a pending proposal's title, so text changed in the agents would leave every proposal already waiting
/// with the raw ids after an upgrade, and the agents' inputs carry no account or vendor names. Only the ids in the texts
/// of the page are read (a few per page); an id no record has stays as it is.
/// </summary>
public sealed partial class RecordRefs
{
    private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);

    private RecordRefs()
    {
    }

    public static RecordRefs None { get; } = new();

    /// <summary>Reads the records of every id found in <paramref name="texts"/>.</summary>
    public static async Task<RecordRefs> LoadAsync(TenantData data, IEnumerable<string?> texts, CancellationToken ct)
    {
        var refs = new RecordRefs();
        var ids = texts.SelectMany(t => Id().Matches(t ?? "")).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            if (await DescribeAsync(data, id, ct) is { Length: > 0 } reference)
            {
                refs._refs[id] = reference;
            }
        }

        return refs;
    }

    /// <summary>The text with each known id replaced by its human reference.</summary>
    public string Text(string? text) => _refs.Count == 0 ? text ?? "" : Id().Replace(text ?? "", m => _refs.GetValueOrDefault(m.Value, m.Value));

    private static async Task<string?> DescribeAsync(TenantData data, string id, CancellationToken ct) => id[..id.IndexOf('-', StringComparison.Ordinal)] switch
    {
        "acct" => await Find(data, "ledger_accounts", id, ct) is { } a ? Joined(Field(a, "number"), Field(a, "name")) : null,
        "bill" => await BillAsync(data, id, ct),
        "je" => await JournalAsync(data, id, ct),
        "pmt" => await Find(data, "ledger_payments", id, ct) is { } p
            ? Phrase("payment", Field(p, "reference"), await NameAsync(data, "ledger_customers", Field(p, "customer_id"), "fully_qualified_name", ct))
            : null,
        "cmt" => await Find(data, "project_commitments", id, ct) is { } c
            ? $"commitment {Field(c, "number")} with {await NameAsync(data, "project_vendors", Field(c, "vendor_id"), "name", ct)}"
            : null,
        _ => null,
    };

    /// <summary>A bill ("bill-5001") or one of its lines ("bill-5001-2", "bill RP-2291 line 2 from Rivera Plumbing").</summary>
    private static async Task<string?> BillAsync(TenantData data, string id, CancellationToken ct)
    {
        var line = await Find(data, "ledger_bill_lines", id, ct);
        var bill = await Find(data, "ledger_bills", line is null ? id : Field(line, "bill_id"), ct);
        if (bill is null)
        {
            return null;
        }

        var vendor = await NameAsync(data, "ledger_vendors", Field(bill, "vendor_id"), "name", ct);
        return $"bill {Field(bill, "doc_number")}{(line is null ? "" : $" line {Field(line, "line_no")}")}{(vendor.Length > 0 ? $" from {vendor}" : "")}";
    }

    /// <summary>A journal entry ("je-302") or one of its lines ("je-302-1", "journal entry JE-1032 line 1").</summary>
    private static async Task<string?> JournalAsync(TenantData data, string id, CancellationToken ct)
    {
        var line = await Find(data, "ledger_journal_lines", id, ct);
        var entry = await Find(data, "ledger_journal_entries", line is null ? id : Field(line, "journal_entry_id"), ct);
        return entry is null ? null : $"journal entry {Field(entry, "doc_number")}{(line is null ? "" : $" line {Field(line, "line_no")}")}";
    }

    private static async Task<string> NameAsync(TenantData data, string table, string id, string column, CancellationToken ct) =>
        id.Length > 0 && await Find(data, table, id, ct) is { } record ? Field(record, column) : "";

    private static Task<JsonObject?> Find(TenantData data, string table, string id, CancellationToken ct) =>
        id.Length == 0 ? Task.FromResult<JsonObject?>(null) : SourceRecords.FindAsync(data, table, id, ct);

    private static string Field(JsonObject record, string name) => Convert.ToString((string?)record[name], CultureInfo.InvariantCulture) ?? "";

    private static string Joined(string first, string second) => string.Join(' ', new[] { first, second }.Where(s => s.Length > 0));

    /// <summary>"payment ACH 7718 from Lakeview Partners", leaving out what the record does not have.</summary>
    private static string Phrase(string kind, string number, string party) => Joined(Joined(kind, number), party.Length > 0 ? $"from {party}" : "");

    /// <summary>Ids as the store keeps them for accounts, bills (and lines), journal entries (and lines), payments and commitments.</summary>
    [GeneratedRegex(@"\b(?:acct|bill|je|pmt|cmt)-\d[\dA-Za-z]*(?:-\d+)*\b")]
    private static partial Regex Id();
}
