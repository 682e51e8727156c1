namespace BackOffice.Store.Bundle;

/// <summary>
/// The rows of one bundle file, read once to check them and again to write the rows that changed (issue 18: the import
/// no longer holds every parsed row of every file until it commits). A row's ordinal is its place among the file's rows.
/// </summary>
public abstract class BundleRowSource(FileSpec spec)
{
    public FileSpec Spec { get; } = spec;

    /// <summary>The rows in order; with <paramref name="wanted"/>, only the rows whose ordinal it accepts (the others not parsed).</summary>
    public abstract IAsyncEnumerable<ParsedRow> ReadAsync(
        ErrorSink errors, List<string>? warnings, Func<int, bool>? wanted, CancellationToken cancellationToken);

    /// <summary>
    /// Issue 18: <see cref="ReadAsync"/> for the check, where <paramref name="unchanged"/> may take an unchanged record off
    /// before it is parsed (then it is not returned); a source without raw records returns every row.
    /// </summary>
    internal virtual IAsyncEnumerable<ParsedRow> ReadCheckingAsync(
        ErrorSink errors, List<string>? warnings, UnchangedRowFilter? unchanged, CancellationToken cancellationToken) =>
        ReadAsync(errors, warnings, null, cancellationToken);

    /// <summary>Issue 19: a plain file inside the bundle (no link) and strictly decodable, before any parser sees it.</summary>
    public virtual Task<bool> IsReadableAsync(ErrorSink errors, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>At least as many rows as the source holds once <see cref="IsReadableAsync"/> answered (0: not known); issue 18.</summary>
    public virtual int RowsAtMost => 0;

    /// <summary>An error when what <see cref="ReadAsync"/> reads now is not what it read when the rows were checked.</summary>
    public virtual string? ChangedSinceChecked() => null;
}

/// <summary>A bundle CSV file, parsed on each read; its size and write time are taken when first read.</summary>
internal sealed class CsvRowSource(string bundleDirectory, FileSpec spec, BundleEncoding encoding) : BundleRowSource(spec)
{
    private readonly string _path = Path.Combine(bundleDirectory, spec.Path);
    private (long Length, DateTime Written)? _stamp;
    private long _lineBreaks;

    public override async Task<bool> IsReadableAsync(ErrorSink errors, CancellationToken cancellationToken)
    {
        if (!BundleFileGuard.IsPlainFile(bundleDirectory, Spec.Path, errors)
            || await BundleFileGuard.LineBreaksIfDecodableAsync(_path, Spec.Path, encoding, errors, cancellationToken) is not { } lineBreaks)
        {
            return false;
        }

        _lineBreaks = lineBreaks;
        return true;
    }

    /// <summary>Every row but the last ends in a line break, and the header takes one.</summary>
    public override int RowsAtMost => (int)Math.Min(int.MaxValue, _lineBreaks + 1);

    public override IAsyncEnumerable<ParsedRow> ReadAsync(
        ErrorSink errors, List<string>? warnings, Func<int, bool>? wanted, CancellationToken cancellationToken)
    {
        _stamp ??= Stamp();
        return BundleCsvReader.StreamAsync(_path, Spec, encoding, errors, warnings, wanted, null, cancellationToken);
    }

    /// <remarks>The filter reads UTF-8 field bytes as the file's own text, so only a UTF-8 bundle uses it.</remarks>
    internal override IAsyncEnumerable<ParsedRow> ReadCheckingAsync(
        ErrorSink errors, List<string>? warnings, UnchangedRowFilter? unchanged, CancellationToken cancellationToken)
    {
        _stamp ??= Stamp();
        return BundleCsvReader.StreamAsync(
            _path, Spec, encoding, errors, warnings, null, encoding == BundleEncoding.Utf8 ? unchanged : null, cancellationToken);
    }

    /// <summary>Issue 18: the file is read twice inside the import's transaction; a file edited in between is refused, not half-checked.</summary>
    public override string? ChangedSinceChecked() =>
        _stamp == Stamp() ? null : "the file changed while it was being imported; nothing was written, import the bundle again";

    private (long, DateTime) Stamp()
    {
        var info = new FileInfo(_path);
        return (info.Length, info.LastWriteTimeUtc);
    }
}

/// <summary>Rows built in memory (issue 14: export files converted to bundle rows), read as they are.</summary>
internal sealed class TableRowSource(ParsedTable table) : BundleRowSource(table.Spec)
{
    public ParsedTable Table { get; } = table;

    public override int RowsAtMost => Table.Rows.Count;

    public override async IAsyncEnumerable<ParsedRow> ReadAsync(
        ErrorSink errors, List<string>? warnings, Func<int, bool>? wanted,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        for (var i = 0; i < Table.Rows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (wanted is null || wanted(i))
            {
                yield return Table.Rows[i];
            }
        }
    }
}
