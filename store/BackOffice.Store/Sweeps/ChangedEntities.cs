using BackOffice.Store.Bundle;
using System.Data.Common;

namespace BackOffice.Store.Sweeps;

/// <summary>An entity a write touched: its kind (job, customer, vendor, employee, item, document, or a parent table) and key.</summary>
public sealed record ChangedEntity(string Kind, string Key);

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

    /// <summary>The columns of <paramref name="spec"/> this class reads, in the order <see cref="Of"/> expects their values.</summary>
    public static IReadOnlyList<string> Columns(FileSpec spec)
    {
        var named = spec.Columns.Where(c => EntityColumns.ContainsKey(c.SqlName)).Select(c => c.SqlName).ToList();
        return ParentColumn(spec) is { } parent ? [spec.Key, .. named, parent.SqlName] : [spec.Key, .. named];
    }

    /// <summary>The entities of one row, given the values of <see cref="Columns"/>.</summary>
    public static IEnumerable<ChangedEntity> Of(FileSpec spec, IReadOnlyList<object?> values)
    {
        var columns = Columns(spec);
        if (values[0] is string key && ParentColumn(spec) is null)
        {
            // An entity itself (a job, a vendor), else a document whose lines are its own rows (a bill, a payment).
            yield return new ChangedEntity(EntityTables.GetValueOrDefault(spec.Table, spec.Table), key);
        }

        for (var i = 1; i < columns.Count; i++)
        {
            if (values[i] is not string value || value.Length == 0)
            {
                continue;
            }

            yield return EntityColumns.TryGetValue(columns[i], out var named)
                ? new ChangedEntity(named, value)
                : new ChangedEntity(ParentTable(spec)!, value);
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
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {string.Join(", ", Columns(spec))} FROM {spec.Table} WHERE {column} = @value";
        // DbConnection-general (issue 18): AddWithValue is Microsoft.Data.Sqlite's, not ADO.NET's.
        var parameter = command.CreateParameter();
        parameter.ParameterName = "value";
        parameter.Value = value;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entities = new List<ChangedEntity>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entities.AddRange(Of(spec, Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToList()));
        }

        return entities;
    }
}
