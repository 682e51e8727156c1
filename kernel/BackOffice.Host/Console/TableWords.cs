using System.Text.Json.Nodes;
using BackOffice.Store.Tenancy;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 17: a report's rows with their text cells in the console's words, for the CLI's table output: the ids the
/// tenant's books know by name (<see cref="NameBook"/>: accounts, vendors, customers, jobs) and the records named inside
/// a text (<see cref="RecordRefs"/>: "ledger_bills:bill-5010", a finding's title). The same code the console pages use,
/// so the CLI and the console say the same; `--json` and the exports keep the ids for machines.
/// </summary>
public static class TableWords
{
    public static async Task<IReadOnlyList<JsonObject>> RowsAsync(TenantData data, IReadOnlyList<JsonObject> rows, IReadOnlyList<string> columns, CancellationToken ct)
    {
        var texts = rows.SelectMany(r => columns.Select(c => r[c] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)).ToList();
        var names = (await NameBook.LoadAsync(data, ct)).With(await RecordRefs.LoadAsync(data, texts, ct));
        return [.. rows.Select(r =>
        {
            var copy = (JsonObject)r.DeepClone();
            foreach (var c in columns.Where(c => copy[c] is JsonValue v && v.TryGetValue<string>(out _)))
            {
                copy[c] = names.Names((string)copy[c]!);
            }

            return copy;
        })];
    }
}
