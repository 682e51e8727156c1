using System.Text.RegularExpressions;
using BackOffice.Store.Bundle;

namespace BackOffice.Kernel.Exports;

/// <summary>
/// The canonical rows (docs/DATA-FORMAT.md) built from the export files of one import (issue 14), with where each came
/// from. A row's canonical rows are kept only when the whole export row is good; every id is derived from the source
/// and the row's natural key, so importing the same file again updates the same records.
/// </summary>
/// <param name="storedAccountTypes">The tenant's ledger accounts' types by id, for rows whose sign depends on the account (issue 14).</param>
public sealed partial class ExportBatch(
    ExportNames names, IReadOnlyDictionary<string, string> storedCostCodes, string? defaultJob,
    IReadOnlyDictionary<string, string>? storedAccountTypes = null)
{
    private const string CostCodes = "project/cost-codes.csv";
    private readonly Dictionary<int, (string File, int Row)> _origins = [];
    private readonly List<(string Path, Dictionary<string, string> Values)> _pending = [];
    private readonly HashSet<string> _costCodes = new(storedCostCodes.Keys, StringComparer.Ordinal);
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);
    private int _line;
    private int _nameMark;

    public ExportNames Names { get; } = names;

    public Dictionary<string, ParsedTable> Tables { get; } = [];

    public List<BundleError> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<UnsureName> Unsure { get; } = [];

    /// <summary>Per export file: rows imported, rows held back (errors, unsure names), rows of other kinds skipped (a credit memo on an invoice list).</summary>
    public Dictionary<string, ExportRowCounts> RowCounts { get; } = [];

    /// <summary>The job named on the command line, for exports of one project that carry no job column (Procore's).</summary>
    public string? DefaultJob { get; } = defaultJob;

    public static string Prefix(string source) => source switch { "buildertrend" => "bt", "quickbooks" => "qbo", _ => "pc" };

    /// <summary>A readable, deterministic id: source prefix, kind, and the natural key as lower-case words joined by '-'.</summary>
    public static string Id(string source, string kind, params string[] naturalKey) =>
        $"{Prefix(source)}-{kind}-{string.Join('-', naturalKey.Select(Slug))}";

    /// <summary>A warning said once per file and message.</summary>
    public void WarnOnce(string file, string message)
    {
        var text = $"{file}: {message}";
        if (!Warnings.Contains(text))
        {
            Warnings.Add(text);
        }
    }

    public void BeginRow()
    {
        _pending.Clear();
        _nameMark = Names.Mark;
    }

    public void Add(string path, Dictionary<string, string> values) => _pending.Add((path, values));

    /// <summary>
    /// Writes the row's canonical rows if it is good and all of them parse; otherwise forgets them and any record it
    /// created, so with --accept-good-rows no export row is ever half imported.
    /// </summary>
    public void EndRow(ExportRow row)
    {
        List<(string Path, Dictionary<string, string> Values)> ready = row.Bad ? [] : _pending.Where(p => Check(row, p.Path, p.Values)).ToList();
        if (!row.Bad)
        {
            foreach (var (path, values) in ready)
            {
                var line = ++_line;
                _origins[line] = (row.File, row.Row);
                BundleCsvReader.AddValues(Table(path), line, values, new ErrorSink());
            }
        }
        else
        {
            Names.Rollback(_nameMark);
        }

        var counts = RowCounts.GetValueOrDefault(row.File) ?? new ExportRowCounts(0, 0, 0);
        RowCounts[row.File] = row.Bad ? counts with { Held = counts.Held + 1 }
            : _pending.Count == 0 ? counts with { Skipped = counts.Skipped + 1 } : counts with { Imported = counts.Imported + 1 };
        _pending.Clear();
    }

    /// <summary>Where a canonical row came from, to name the export file and row in a later validation error.</summary>
    public (string File, int Row)? Origin(int line) => _origins.TryGetValue(line, out var origin) ? origin : null;

    /// <summary>1 for the first row with this natural key in the import, 2 for the second: for keys that may repeat (shifts).</summary>
    public int Occurrence(string key) => _occurrences[key] = _occurrences.GetValueOrDefault(key) + 1;

    /// <summary>Stored, imported from an earlier good row, or added by this row already.</summary>
    public bool HasCostCode(string code) =>
        _costCodes.Contains(code) ||
        (Tables.TryGetValue(CostCodes, out var table) && table.ByKey.ContainsKey(code)) ||
        _pending.Any(p => p.Path == CostCodes && p.Values.GetValueOrDefault("code") == code);

    /// <summary>The canonical type of a ledger account stored or imported by an earlier good row; null when neither has it.</summary>
    public string? AccountType(string id) =>
        Tables.TryGetValue("ledger/accounts.csv", out var table) && table.ByKey.TryGetValue(id, out var row)
            ? table.Value(row, "type") as string
            : storedAccountTypes?.GetValueOrDefault(id);

    /// <summary>
    /// True when the canonical row parses and is new. The same record from two exports (an invoice on the invoice list
    /// and on the A/R aging) is skipped when equal, and an error when it differs; a parse error fails the export row.
    /// </summary>
    private bool Check(ExportRow row, string path, Dictionary<string, string> values)
    {
        var table = Table(path);
        var scratch = new ParsedTable(table.Spec);
        var sink = new ErrorSink();
        BundleCsvReader.AddValues(scratch, 0, values, sink);
        foreach (var error in sink.Errors)
        {
            row.Fail(null, $"{path} column {error.Column}: {error.Message}");
        }

        if (scratch.Rows.Count == 0 || !table.ByKey.TryGetValue((string)scratch.Value(scratch.Rows[0], table.Spec.Key)!, out var earlier))
        {
            return scratch.Rows.Count == 1;
        }

        if (scratch.Rows[0].Hash(table.Spec) == earlier.Hash(table.Spec))
        {
            return false;
        }

        var (file, at) = _origins[earlier.Line];
        row.Fail(null, $"'{scratch.Value(scratch.Rows[0], table.Spec.Key)}' in {path} was already made from {file} line {at} with other values");
        return false;
    }

    private ParsedTable Table(string path)
    {
        if (!Tables.TryGetValue(path, out var table))
        {
            Tables[path] = table = new ParsedTable(BundleSchema.File(path));
        }

        return table;
    }

    private static string Slug(string text)
    {
        var slug = NotWord().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length <= 60 ? slug : slug[..60].TrimEnd('-');
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotWord();
}

/// <summary>What became of the data rows of one export file.</summary>
public sealed record ExportRowCounts(int Imported, int Held, int Skipped);
