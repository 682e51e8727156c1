namespace BackOffice.Store.Bundle;

/// <summary>What one import did to one bundle file's table (or, for "inbox" and "pricebook/price-files", to its files).</summary>
public sealed record FileImportCounts(string File, int Added, int Changed, int Removed, int Unchanged)
{
    public bool AnythingChanged => Added + Changed + Removed > 0;
}

/// <summary>The result of an import. Files the bundle did not provide are not listed (their tables were left alone).</summary>
public sealed record ImportSummary(long RunId, string Tenant, IReadOnlyList<FileImportCounts> Files, IReadOnlyList<string> Warnings)
{
    public int Added => Files.Sum(f => f.Added);

    public int Changed => Files.Sum(f => f.Changed);

    public int Removed => Files.Sum(f => f.Removed);

    public int Unchanged => Files.Sum(f => f.Unchanged);

    public bool AnythingChanged => Files.Any(f => f.AnythingChanged);

    public FileImportCounts? For(string file) => Files.FirstOrDefault(f => f.File == file);

    /// <summary>Issue 18: time, allocations and peak memory per phase of the import.</summary>
    public IReadOnlyList<ImportPhaseFigures> Profile { get; init; } = [];
}

public enum ImportPhase
{
    Reading,
    Validating,
    Writing,
    CopyingFiles,
    Done,
}

/// <summary>Progress for a terminal: which file, how many rows so far, in which phase.</summary>
public sealed record ImportProgress(ImportPhase Phase, string? File, int RowsRead);

/// <summary>
/// Where an import came from, recorded with its run and audit event. <see cref="Merge"/> (issue 14, export files): rows
/// are added or updated, never removed, because an export may list only part of a table.
/// </summary>
public sealed record ImportSource(
    string Path, string? Format, string? ExportedAt, string? ProjectSystem, string? LedgerSystem, bool Merge);
