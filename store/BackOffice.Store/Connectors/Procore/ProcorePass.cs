namespace BackOffice.Store.Connectors.Procore;

/// <summary>One sync pass: the saved cursors it resumes from, the updated_at filter, and what it has read so far.</summary>
internal sealed class ProcorePass(IReadOnlyDictionary<string, ProcoreCursor> cursors, string filter, IProgress<string>? progress)
{
    public IReadOnlyDictionary<string, ProcoreCursor> Cursors { get; } = cursors;

    /// <summary>"&amp;filters[updated_at]=..." on an incremental pass, else empty.</summary>
    public string Filter { get; } = filter;

    public IProgress<string>? Progress { get; } = progress;

    /// <summary>
    /// The updated_at filter for the change order packages list (issue 14): the pass's own, or on `--full` the range since
    /// the sync before it, so a package edited before a full pass is still found; empty on a first sync.
    /// </summary>
    public string PackageFilter { get; init; } = filter;

    /// <summary>False for a targeted re-read: no cursors are read or saved.</summary>
    public bool Resumable { get; init; } = true;

    public Dictionary<string, SyncCounts> Counts { get; } = new(StringComparer.Ordinal);

    public long Pages { get; set; }

    public void Add(string kind, SyncCounts counts) => Counts[kind] = Counts.GetValueOrDefault(kind, SyncCounts.Zero).Plus(counts);
}
