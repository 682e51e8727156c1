namespace BackOffice.Store.Bundle;

/// <summary>One data row as SQLite will store it, with the CSV line it came from.</summary>
public sealed class ParsedRow(int line, object?[] values)
{
    public int Line { get; } = line;

    /// <summary>Values in <see cref="FileSpec.Columns"/> order: string, long or null.</summary>
    public object?[] Values { get; } = values;

    /// <summary>A field did not parse (its error is reported); the row still claims its key, so a later duplicate is named.</summary>
    internal bool Invalid { get; init; }

    /// <summary>XxHash128 over column names and canonical values (<see cref="RowHasher"/>), so a re-import can tell unchanged rows from changed ones.</summary>
    public string Hash(FileSpec spec) => new RowHasher(spec).Hash(this);
}

/// <summary>A bundle file read and parsed: its rows by key, and the extra columns it carried.</summary>
public sealed class ParsedTable(FileSpec spec)
{
    public FileSpec Spec { get; } = spec;

    public List<ParsedRow> Rows { get; } = [];

    public Dictionary<string, ParsedRow> ByKey { get; } = new(StringComparer.Ordinal);

    public object? Value(ParsedRow row, string sqlName) => row.Values[Spec.IndexOf(sqlName)];

    /// <summary>Repeated values of this file's columns, shared while it is read (issue 18).</summary>
    internal ValuePool Pool { get; } = new(spec.Columns.Count);
}

/// <summary>Collects errors up to the cap so one bad file cannot drown the report.</summary>
public sealed class ErrorSink
{
    private readonly List<BundleError> _errors = [];

    public IReadOnlyList<BundleError> Errors => _errors;

    public bool Full => _errors.Count >= BundleValidationException.MaxErrors;

    public void Add(string file, int? line, string? column, string message)
    {
        if (!Full)
        {
            _errors.Add(new BundleError(file, line, column, message));
        }
    }
}
