namespace BackOffice.Store.Bundle;

/// <summary>How a CSV text value is read and what SQLite stores for it.</summary>
public enum ValueKind
{
    Text,
    Enum,
    Money,
    Percent,
    E4,
    Integer,
    Date,
    DateTime,
    Bool,
}

/// <summary>Which signs an amount column accepts (issue 19): every money column of the schema declares one.</summary>
public enum SignRule
{
    /// <summary>Either sign: credits, deducts and adjustments.</summary>
    Any,

    /// <summary>Zero or more: contract values, pay rates, retainage, unapplied amounts, prices.</summary>
    NonNegative,
}

/// <summary>
/// Where a reference column points: one file, or (for <c>map_links</c>) a file chosen by the value of another column.
/// </summary>
public sealed record ReferenceSpec(string? TargetFile, string? DiscriminatorColumn = null, IReadOnlyDictionary<string, string>? TargetByDiscriminator = null)
{
    public string? TargetFor(Func<string, object?> valueOf) =>
        DiscriminatorColumn is null ? TargetFile : TargetByDiscriminator!.GetValueOrDefault(valueOf(DiscriminatorColumn) as string ?? "");
}

/// <summary>One column of a bundle file and of its table. The CSV header is derived mechanically from the SQL name.</summary>
public sealed record ColumnSpec(string SqlName, ValueKind Kind)
{
    public bool Required { get; init; }

    public IReadOnlyList<string> Allowed { get; init; } = [];

    public ReferenceSpec? Reference { get; init; }

    /// <summary>The sign an amount or percentage may take (issue 19); a negative value where it is refused names the rule.</summary>
    public SignRule Sign { get; init; } = SignRule.Any;

    /// <summary>The SQL column default, stored when the CSV leaves the value empty (the column is then not required).</summary>
    public object? Default { get; init; }

    public string CsvName { get; } = CsvNameFor(SqlName);

    public ColumnSpec Req() => this with { Required = true };

    public ColumnSpec Refs(string file) => this with { Reference = new ReferenceSpec(file) };

    public ColumnSpec Or(object defaultValue) => this with { Default = defaultValue };

    /// <summary>amount_cents -> amount, retainage_bp -> retainage_percent, percent_complete_bp -> percent_complete, crew_hours_e4 -> crew_hours.</summary>
    public static string CsvNameFor(string sqlName)
    {
        if (sqlName.EndsWith("_cents", StringComparison.Ordinal))
        {
            return sqlName[..^"_cents".Length];
        }

        if (sqlName.EndsWith("_bp", StringComparison.Ordinal))
        {
            var stem = sqlName[..^"_bp".Length];
            return stem.Contains("percent", StringComparison.Ordinal) ? stem : stem + "_percent";
        }

        return sqlName.EndsWith("_e4", StringComparison.Ordinal) ? sqlName[..^"_e4".Length] : sqlName;
    }
}

/// <summary>
/// One bundle file and the table it fills. <see cref="Scope"/> is the SQL condition for rows the bundle owns: rows the
/// sandbox ledger created (origin 'sandbox') are neither diffed nor removed by an import.
/// </summary>
public sealed record FileSpec(string Path, string Table, string Key, IReadOnlyList<ColumnSpec> Columns, string? Scope = null)
{
    public ColumnSpec? Column(string sqlName) => Columns.FirstOrDefault(c => c.SqlName == sqlName);

    /// <summary>Issue 18: called per row by the importer, so a loop, not a list copied per call.</summary>
    public int IndexOf(string sqlName)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].SqlName == sqlName)
            {
                return i;
            }
        }

        return -1;
    }
}
