using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using BackOffice.Store.Bundle;

namespace BackOffice.Store.Sweeps;

/// <summary>
/// An entity a write touched: its kind (job, customer, vendor, employee, item, document, or a parent table) and key, and
/// the table whose row was written (issue 18: an agent that never reads that table skips the change). A null table is
/// a write whose table is not known (a raw file, a connector's own kinds): every agent treats it as read.
/// <paramref name="Columns"/> are the columns an update changed (comma-separated, schema order); null when a row was
/// added or deleted or the columns are not known, which counts as every column.
/// </summary>
public sealed record ChangedEntity(string Kind, string Key, string? Table = null, string? Columns = null);

/// <summary>
/// Which entities a row of a bundle table belongs to (issue 18): the row itself (a job, a vendor, a bill), the entities
/// its columns name (job_id, customer_id, vendor_id, employee_id), and for a line its document (the bill of a bill line).
/// </summary>
public static class ChangedEntities
{
    private static readonly Dictionary<string, string> EntityTables = new(StringComparer.Ordinal)
    {
        ["project_jobs"] = "job", ["ledger_customers"] = "customer", ["project_vendors"] = "vendor", ["ledger_vendors"] = "vendor",
        ["workforce_employees"] = "employee", ["pricebook_items"] = "item", ["contacts"] = "contact",
    };

    private static readonly Dictionary<string, string> EntityColumns = new(StringComparer.Ordinal)
    {
        ["job_id"] = "job", ["customer_id"] = "customer", ["vendor_id"] = "vendor", ["employee_id"] = "employee",
    };

    /// <summary>
    /// Issue 18: a line's second document, beside its parent. A payment line settles an invoice, so adding, moving or
    /// deleting one changes that invoice's aging: the journal names the invoice (before and after) so Collections' aging
    /// snapshot can re-read just its customer, where the payment alone would not say which invoice a deleted line paid.
    /// </summary>
    private static readonly Dictionary<string, (string Column, string Kind)> SecondDocuments = new(StringComparer.Ordinal)
    {
        ["ledger_payment_lines"] = ("invoice_id", "ledger_invoices"),
    };

    /// <summary>What <see cref="Of"/> needs of a file, worked out once per spec (issue 18: the importer asks per row).</summary>
    private sealed record Plan(IReadOnlyList<string> Columns, IReadOnlyList<string> Kinds, bool IsLine);

    private static readonly ConcurrentDictionary<FileSpec, Plan> Plans = new(ReferenceEqualityComparer.Instance);

    private static Plan PlanFor(FileSpec spec) => Plans.GetOrAdd(spec, static s =>
    {
        var named = s.Columns.Where(c => EntityColumns.ContainsKey(c.SqlName)).Select(c => c.SqlName).ToList();
        var parent = ParentColumn(s);
        List<string> columns = parent is { } p ? [s.Key, .. named, p.SqlName] : [s.Key, .. named];
        var kinds = columns.Select((c, i) => i == 0 ? "" : EntityColumns.GetValueOrDefault(c) ?? ParentTable(s)!).ToList();
        if (SecondDocuments.TryGetValue(s.Table, out var second))
        {
            columns.Add(second.Column);
            kinds.Add(second.Kind);
        }

        return new Plan(columns, kinds, parent is not null);
    });

    /// <summary>The columns of <paramref name="spec"/> this class reads, in the order <see cref="Of"/> expects their values.</summary>
    public static IReadOnlyList<string> Columns(FileSpec spec) => PlanFor(spec).Columns;

    /// <summary>The entities of one row, given the values of <see cref="Columns"/>; <paramref name="changed"/> as in <see cref="ChangedEntity"/>.</summary>
    public static IEnumerable<ChangedEntity> Of(FileSpec spec, IReadOnlyList<object?> values, string? changed = null)
    {
        var plan = PlanFor(spec);
        if (values[0] is string key && !plan.IsLine)
        {
            // An entity itself (a job, a vendor), else a document whose lines are its own rows (a bill, a payment).
            yield return new ChangedEntity(EntityTables.GetValueOrDefault(spec.Table, spec.Table), key, spec.Table, changed);
        }

        for (var i = 1; i < plan.Columns.Count; i++)
        {
            if (values[i] is string value && value.Length > 0)
            {
                yield return new ChangedEntity(plan.Kinds[i], value, spec.Table, changed);
            }
        }
    }

    /// <summary>A line table's reference to its document (ledger_bill_lines.bill_id): a changed line is a changed bill.</summary>
    private static ColumnSpec? ParentColumn(FileSpec spec) => spec.Table.EndsWith("_lines", StringComparison.Ordinal)
        ? spec.Columns.FirstOrDefault(c => c.Reference?.TargetFile is not null && !EntityColumns.ContainsKey(c.SqlName) && c.SqlName != spec.Key)
        : null;

    private static string? ParentTable(FileSpec spec) =>
        ParentColumn(spec)?.Reference?.TargetFile is { } file ? BundleSchema.Files.FirstOrDefault(f => f.Path == file)?.Table : null;

    /// <summary>
    /// The entities of a ledger document as stored now (its row and its lines' rows: a bill, its vendor, its lines'
    /// jobs), none once deleted. Connectors and the sandbox call it before and after a write (a line moved to another
    /// job touches both jobs).
    /// </summary>
    public static async Task<IReadOnlyList<ChangedEntity>> StoredDocumentAsync(
        string table, string? linesTable, string? linesKey, string id, DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        var header = BundleSchema.Files.Single(f => f.Table == table);
        var entities = new List<ChangedEntity>(await StoredAsync(header, header.Key, id, connection, transaction, cancellationToken));
        if (linesTable is not null && linesKey is not null)
        {
            entities.AddRange(await StoredAsync(BundleSchema.Files.Single(f => f.Table == linesTable), linesKey, id, connection, transaction, cancellationToken));
        }

        return entities;
    }

    /// <summary>The entities of the stored rows of <paramref name="spec"/> whose <paramref name="column"/> is <paramref name="value"/>.</summary>
    internal static async Task<IReadOnlyList<ChangedEntity>> StoredAsync(
        FileSpec spec, string column, string value, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var entities = new List<ChangedEntity>();
        foreach (var row in await RowsAsync(spec, Columns(spec), column, value, connection, transaction, cancellationToken))
        {
            entities.AddRange(Of(spec, row));
        }

        return entities;
    }

    /// <summary>
    /// An update of the bundle row <paramref name="key"/> to <paramref name="values"/> (issue 18): the columns whose
    /// values change, compared as the row hash compares them (null when none or the row is gone: every column counts),
    /// and the entities of the row as stored, tagged with them.
    /// </summary>
    internal static async Task<(IReadOnlyList<ChangedEntity> Before, string? Columns)> UpdateAsync(
        FileSpec spec, string key, IReadOnlyList<object?> values, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(spec, [.. spec.Columns.Select(c => c.SqlName)], spec.Key, key, connection, transaction, cancellationToken);
        return Diff(spec, rows.Count == 0 ? null : rows[0], values);
    }

    /// <summary>
    /// <see cref="UpdateAsync"/> on a row already read: <paramref name="stored"/> and <paramref name="values"/> in
    /// <see cref="FileSpec.Columns"/> order, <paramref name="stored"/> null when the row is gone (issue 18: the
    /// PostgreSQL import reads every updated row in one query).
    /// </summary>
    internal static (IReadOnlyList<ChangedEntity> Before, string? Columns) Diff(
        FileSpec spec, IReadOnlyList<object?>? stored, IReadOnlyList<object?> values)
    {
        if (stored is null)
        {
            return ([], null);
        }

        var changed = spec.Columns.Where((_, i) => Canonical(stored[i]) != Canonical(values[i])).Select(c => c.SqlName).ToList();
        var columns = changed.Count == 0 ? null : string.Join(',', changed);
        return (Of(spec, Columns(spec).Select(c => stored[spec.IndexOf(c)]).ToList(), columns).ToList(), columns);
    }

    private static string? Canonical(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    private static async Task<List<IReadOnlyList<object?>>> RowsAsync(
        FileSpec spec, IReadOnlyList<string> select, string column, string value, DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {string.Join(", ", select)} FROM {spec.Table} WHERE {column} = @value";
        // DbConnection-general (issue 18): AddWithValue is Microsoft.Data.Sqlite's, not ADO.NET's.
        var parameter = command.CreateParameter();
        parameter.ParameterName = "value";
        parameter.Value = value;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<IReadOnlyList<object?>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToList());
        }

        return rows;
    }
}
