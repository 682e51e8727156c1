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
/// vendor, a payroll run by the weeks it pays ("the payroll run for the week ending Nov 8, 2026" for "payroll run
/// pr-2026-11-08"). Resolved when the page is shown, not stored: the gate finds a proposal again by its idempotency key and
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

    /// <summary>
    /// Reads the records of every id found in <paramref name="texts"/>: one unit a round, at most three rounds (the id's
    /// own record, then what it points at (a line's bill, a payment's customer), then a bill's vendor), however many ids.
    /// </summary>
    public static async Task<RecordRefs> LoadAsync(TenantData data, IEnumerable<string?> texts, CancellationToken ct)
    {
        var ids = texts.SelectMany(t => Id().Matches(t ?? "")).Select(m => m.Groups["id"].Value).Distinct(StringComparer.Ordinal).ToList();
        var runs = await data.Workforce.PayrollRunWeeksAsync(ids.Where(IsRun).ToList(), ct);
        var records = new Dictionary<(string Table, string Id), JsonObject?>();
        while (true)
        {
            // Describing with what is read so far names the records still missing; none missing: every reference is final.
            var missing = new HashSet<(string Table, string Id)>();
            JsonObject? Lookup(string table, string id) =>
                id.Length == 0 ? null : records.TryGetValue((table, id), out var record) ? record : Missing(missing, table, id);
            var refs = new RecordRefs();
            foreach (var id in ids)
            {
                if ((IsRun(id) ? Run(runs, id) : Describe(id, Lookup)) is { Length: > 0 } reference)
                {
                    refs._refs[id] = reference;
                }
            }

            if (missing.Count == 0)
            {
                return refs;
            }

            foreach (var (key, record) in await SourceRecords.FindManyAsync(data, missing, ct))
            {
                records[key] = record;
            }
        }
    }

    /// <summary>
    /// The text with each known id replaced by its human reference. A document reference ("ledger_bills:bill-5010", as a
    /// report's document column and a figure's source write it) reads as the document ("bill 5010 from Rivera Plumbing");
    /// a text that starts with a reference starts with a capital ("Bill 5010 from ...", "Commitment SC-101-02 ... is not
    /// in the ledger"), as a sentence or a cell does.
    /// </summary>
    /// <remarks>A payroll run's words replace the "payroll run" in front of its id too ("payroll run pr-2026-11-08 claims" reads "the payroll run for the week ending Nov 8, 2026 claims").</remarks>
    public string Text(string? text) => _refs.Count == 0 ? text ?? "" : Id().Replace(text ?? "", m =>
        _refs.TryGetValue(m.Groups["id"].Value, out var reference) ? m.Index == 0 ? Capitalised(reference) : reference : m.Value);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static JsonObject? Missing(HashSet<(string Table, string Id)> missing, string table, string id)
    {
        missing.Add((table, id));
        return null;
    }

    private static bool IsRun(string id) => id.StartsWith("pr-", StringComparison.Ordinal);

    /// <summary>A payroll run as the workweeks its lines pay, each named by the day it ends (the run id's own date is only a convention of the export).</summary>
    private static string? Run(IReadOnlyDictionary<string, (DateOnly First, DateOnly Last)> runs, string id)
    {
        if (!runs.TryGetValue(id, out var weeks))
        {
            return null;
        }

        static string Day(DateOnly start) => start.AddDays(6).ToString("MMM d, yyyy", CultureInfo.InvariantCulture);
        return weeks.First == weeks.Last
            ? $"the payroll run for the week ending {Day(weeks.First)}"
            : $"the payroll run for the weeks ending {Day(weeks.First)} to {Day(weeks.Last)}";
    }

    private static string? Describe(string id, Func<string, string, JsonObject?> find) => id[..id.IndexOf('-', StringComparison.Ordinal)] switch
    {
        "acct" => find("ledger_accounts", id) is { } a ? Joined(Field(a, "number"), Field(a, "name")) : null,
        "bill" => Bill(id, find),
        "je" => Journal(id, find),
        "pmt" => find("ledger_payments", id) is { } p
            ? Phrase("payment", Field(p, "reference"), Name(find, "ledger_customers", Field(p, "customer_id"), "fully_qualified_name"))
            : null,
        "cmt" => find("project_commitments", id) is { } c
            ? $"commitment {Field(c, "number")} with {Name(find, "project_vendors", Field(c, "vendor_id"), "name")}"
            : null,
        _ => null,
    };

    /// <summary>A bill ("bill-5001") or one of its lines ("bill-5001-2", "bill RP-2291 line 2 from Rivera Plumbing").</summary>
    private static string? Bill(string id, Func<string, string, JsonObject?> find)
    {
        var line = find("ledger_bill_lines", id);
        var bill = find("ledger_bills", line is null ? id : Field(line, "bill_id"));
        if (bill is null)
        {
            return null;
        }

        var vendor = Name(find, "ledger_vendors", Field(bill, "vendor_id"), "name");
        return $"bill {Field(bill, "doc_number")}{(line is null ? "" : $" line {Field(line, "line_no")}")}{(vendor.Length > 0 ? $" from {vendor}" : "")}";
    }

    /// <summary>A journal entry ("je-302") or one of its lines ("je-302-1", "journal entry JE-1032 line 1").</summary>
    private static string? Journal(string id, Func<string, string, JsonObject?> find)
    {
        var line = find("ledger_journal_lines", id);
        var entry = find("ledger_journal_entries", line is null ? id : Field(line, "journal_entry_id"));
        return entry is null ? null : $"journal entry {Field(entry, "doc_number")}{(line is null ? "" : $" line {Field(line, "line_no")}")}";
    }

    private static string Name(Func<string, string, JsonObject?> find, string table, string id, string column) =>
        find(table, id) is { } record ? Field(record, column) : "";

    private static string Field(JsonObject record, string name) => Convert.ToString((string?)record[name], CultureInfo.InvariantCulture) ?? "";

    private static string Joined(string first, string second) => string.Join(' ', new[] { first, second }.Where(s => s.Length > 0));

    /// <summary>"payment ACH 7718 from Lakeview Partners", leaving out what the record does not have.</summary>
    private static string Phrase(string kind, string number, string party) => Joined(Joined(kind, number), party.Length > 0 ? $"from {party}" : "");

    /// <summary>
    /// Ids as the store keeps them for accounts, bills (and lines), journal entries (and lines), payments and commitments,
    /// alone or as a document reference with the source table in front ("ledger_bills:bill-5010"): the id is group "id".
    /// A payroll run ("pr-2026-11-08") is taken with the words "payroll run" before it, which its reference says itself.
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:ledger|project)_[a-z_]+:|[Pp]ayroll run )?(?<id>(?:acct|bill|je|pmt|cmt|pr)-\d[\dA-Za-z]*(?:-\d+)*)\b")]
    private static partial Regex Id();
}
