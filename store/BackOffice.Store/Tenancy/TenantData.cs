using BackOffice.Store.Collections;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Documents;
using BackOffice.Store.Exports;
using BackOffice.Store.Findings;
using BackOffice.Store.Financial;
using BackOffice.Store.Memory;
using BackOffice.Store.Pricebook;
using BackOffice.Store.Records;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Sweeps;

namespace BackOffice.Store.Tenancy;

/// <summary>
/// One tenant's data context (issue 12): who the tenant is, its stores (one reader/writer per table), its clock,
/// and units of work for writes that must commit together. Agents, kernel and host receive this, never a database
/// file path; only the store knows the tenant lives in a SQLite file.
/// </summary>
public sealed class TenantData : IDisposable
{
    private readonly string _databasePath;
    private readonly string _folder;
    private readonly DataDirectory _data;
    private readonly StoreEngine _engine;
    private readonly TenantChangeStamp _changeStamp;

    internal TenantData(string tenant, DataDirectory data, TimeProvider clock, StoreEngine engine, WriteRetryPolicy writeRetry)
    {
        _data = data;
        WriteRetry = writeRetry;
        Tenant = tenant;
        Clock = clock;
        _databasePath = data.TenantDatabasePath(tenant);
        _folder = data.TenantFolder(tenant);
        _engine = engine;
        _changeStamp = new TenantChangeStamp(this, _databasePath);
        Project = new ProjectStore(this);
        Ledger = new LedgerStore(this);
        Workforce = new WorkforceStore(this);
        ProjectFinancials = new ProjectFinancialStore(this);
        PayAppSheets = new PayAppSheetStore(this);
        WipPeriods = new WipPeriodStore(this);
        BooksDate = new BooksDateStore(this);
        LedgerFinancials = new LedgerFinancialStore(this);
        Cash = new CashStore(this);
        ConfirmedLinks = new ConfirmedLinkStore(this);
        FinancialNotes = new FinancialNoteStore(this);
        Reclasses = new ReclassEntryStore(this);
        Receivables = new ReceivablesStore(this);
        AgingSnapshot = new AgingSnapshotStore(this);
        Promises = new PromiseStore(this);
        Outbox = new OutboxStore(this);
        Documents = new DocumentsStore(this);
        VendorInsurances = new VendorInsuranceStore(this);
        Pricebook = new PricebookStore(this);
        PriceFiles = new PriceFileStore(this);
        ExportImports = new ExportImportStore(this);
        SweepRuns = new SweepRunStore(this);
        Changes = new ChangeJournalStore(this);
        SweepMarks = new SweepMarkStore(this);
        SavedFilters = new Worklists.SavedFilterStore(this);
        Digests = new Notifications.DigestRunStore(this);
        NarrationCache = new NarrationCacheStore(this);
        MemoryLearning = new MemoryLearningStore(this);
        Findings = new FindingStore(clock);
        QuickBooks = new QuickBooksConnectionStore(this);
        QuickBooksSync = new QuickBooksSyncStore(this);
        QuickBooksWebhookEvents = new QuickBooksWebhookEventStore(this);
        Procore = new ProcoreConnectionStore(this);
        ProcoreSync = new ProcoreSyncStore(this);
    }

    public string Tenant { get; }

    public TimeProvider Clock { get; }

    public ProjectStore Project { get; }

    public LedgerStore Ledger { get; }

    public WorkforceStore Workforce { get; }

    public ProjectFinancialStore ProjectFinancials { get; }

    /// <summary>G703 lines and retainage terms of owner pay applications (issue 16).</summary>
    public PayAppSheetStore PayAppSheets { get; }

    /// <summary>The WIP figures of closed months (issue 16).</summary>
    public WipPeriodStore WipPeriods { get; }

    /// <summary>The date fixed sample books are read as of, and so every default as-of date (issue 17).</summary>
    public BooksDateStore BooksDate { get; }

    public LedgerFinancialStore LedgerFinancials { get; }

    public CashStore Cash { get; }

    public ConfirmedLinkStore ConfirmedLinks { get; }

    public FinancialNoteStore FinancialNotes { get; }

    public ReclassEntryStore Reclasses { get; }

    public ReceivablesStore Receivables { get; }

    /// <summary>Collections' aging snapshot: the invoices still open as of its date (issue 18).</summary>
    public AgingSnapshotStore AgingSnapshot { get; }

    public PromiseStore Promises { get; }

    public OutboxStore Outbox { get; }

    public DocumentsStore Documents { get; }

    public PricebookStore Pricebook { get; }

    public PriceFileStore PriceFiles { get; }

    /// <summary>Confirmed export-file mappings and names resolved by hand (issue 14).</summary>
    public ExportImportStore ExportImports { get; }

    public SweepRunStore SweepRuns { get; }

    /// <summary>Which entities each write to the books touched (issue 18).</summary>
    public ChangeJournalStore Changes { get; }

    /// <summary>Where each agent's last sweep left off, and what its inputs are now (issue 18).</summary>
    public SweepMarkStore SweepMarks { get; }

    /// <summary>Issue 17: each person's named filters on the console's lists.</summary>
    public Worklists.SavedFilterStore SavedFilters { get; }

    /// <summary>Issue 17: the day the approvers' daily digest was last sent.</summary>
    public Notifications.DigestRunStore Digests { get; }

    public NarrationCacheStore NarrationCache { get; }

    /// <summary>How far memory has learned from decisions, per memory store (issue 12).</summary>
    public MemoryLearningStore MemoryLearning { get; }

    public FindingStore Findings { get; }

    /// <summary>Vendors' insurance policies read from Procore (issue 14).</summary>
    public VendorInsuranceStore VendorInsurances { get; }

    /// <summary>The tenant's QuickBooks Online connection and its encrypted tokens (issue 13).</summary>
    public QuickBooksConnectionStore QuickBooks { get; }

    /// <summary>Applies QuickBooks entities to the canonical ledger tables and keeps the sync cursors (issue 13).</summary>
    public QuickBooksSyncStore QuickBooksSync { get; }

    /// <summary>Each operation a verified QuickBooks webhook named and what the sync did with it (issue 13).</summary>
    public QuickBooksWebhookEventStore QuickBooksWebhookEvents { get; }

    /// <summary>The tenant's Procore connection and its encrypted tokens (issue 14).</summary>
    public ProcoreConnectionStore Procore { get; }

    /// <summary>Applies Procore records to the canonical project tables and keeps the sync cursors (issue 14).</summary>
    public ProcoreSyncStore ProcoreSync { get; }

    /// <summary>Where the tenant keeps files of one kind (documents, outbox, price files); files are not database rows.</summary>
    public string FilesFolder(string kind) => Path.Combine(_folder, kind);

    /// <summary>The tenant's own folder, the root that filed documents are addressed relative to.</summary>
    public string Folder => _folder;

    /// <summary>A read unit: one connection, no transaction.</summary>
    public async Task<DataUnit> ReadAsync(CancellationToken cancellationToken)
    {
        var key = await AuditKeyAsync(cancellationToken);
        return await _engine.OpenTenantAsync(Tenant, _databasePath, write: false, WriteRetry, key, cancellationToken);
    }

    /// <summary>A write unit: everything done through it commits together or not at all.</summary>
    public async Task<DataUnit> WriteAsync(CancellationToken cancellationToken)
    {
        var key = await AuditKeyAsync(cancellationToken);
        return await _engine.OpenTenantAsync(Tenant, _databasePath, write: true, WriteRetry, key, cancellationToken);
    }

    /// <summary>The installation's audit key (issue 19), found before the database is opened so a missing key opens nothing.</summary>
    internal Task<Audit.AuditKey> AuditKeyAsync(CancellationToken cancellationToken) => _engine.AuditKeyAsync(_data, cancellationToken);

    /// <summary>How this tenant's SQLite writers wait for a database another writer holds (issue 19).</summary>
    internal WriteRetryPolicy WriteRetry { get; }

    /// <summary>Which engine holds the tenant; stores pick per-dialect SQL by it (issue 18).</summary>
    public StoreDialect Dialect => _engine.Dialect;

    /// <summary>
    /// A read unit without the audit key, for stores that append no audit event (issue 18: every store reads through a
    /// unit, so on PostgreSQL the read runs in a transaction that sets the tenant for row-level security). On SQLite it
    /// is the bare connection it always was: reading a tenant's rows never creates or checks the audit key (issue 19).
    /// </summary>
    internal Task<DataUnit> OpenUnitAsync(CancellationToken cancellationToken) => OpenUnitAsync(write: false, cancellationToken);

    /// <summary>A read or write unit for store code whose own writes carry no audit event (or fetch the key themselves).</summary>
    internal async Task<DataUnit> OpenUnitAsync(bool write, CancellationToken cancellationToken)
    {
        if (_engine.Dialect != StoreDialect.Sqlite)
        {
            return await _engine.OpenTenantAsync(Tenant, _databasePath, write, WriteRetry, await AuditKeyAsync(cancellationToken), cancellationToken);
        }

        var connection = await Databases.OpenTenantAsync(_databasePath, cancellationToken);
        return write ? await DataUnit.WriteAsync(connection, WriteRetry, null, cancellationToken) : DataUnit.Read(connection, null);
    }

    /// <summary>
    /// Issue 18: one store write in a write unit, committed. A write sent through a read unit commits too, but on
    /// PostgreSQL it skips the tenant's advisory lock, so it can land between another writer's read and its move.
    /// </summary>
    internal async Task<T> InWriteUnitAsync<T>(Func<DataUnit, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var unit = await OpenUnitAsync(write: true, cancellationToken);
        var result = await write(unit);
        await unit.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>A bare SQLite connection, for tests and SQLite-only tools; on PostgreSQL there is no tenant file to open.</summary>
    internal Task<Microsoft.Data.Sqlite.SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        _engine.Dialect == StoreDialect.Sqlite
            ? Databases.OpenTenantAsync(_databasePath, cancellationToken)
            : throw new StoreNotPortedException("a bare SQLite connection to a tenant");

    /// <summary>
    /// Issue 17: a stamp that changes whenever anything is committed to the tenant's data, by this process or another,
    /// or a file changes in its inbox or price files, so a computed report can be reused until the data changes. Null
    /// where the engine cannot tell: then nothing may be reused.
    /// </summary>
    public Task<string?> ChangeStampAsync(CancellationToken cancellationToken) => ChangeStampAsync(ChangeScope.AnyCommit, cancellationToken);

    /// <summary>Issue 17: the stamp of what <paramref name="scope"/> covers (the books only, or any commit), on either engine.</summary>
    public Task<string?> ChangeStampAsync(ChangeScope scope, CancellationToken cancellationToken) => _changeStamp.ReadAsync(scope, cancellationToken);

    /// <summary>Closes the change watch's connection; the stores open and close their own.</summary>
    public void Dispose() => _changeStamp.Dispose();

    public override string ToString() => $"tenant {Tenant}";
}
