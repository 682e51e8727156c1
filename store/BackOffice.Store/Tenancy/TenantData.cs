using BackOffice.Store.Collections;
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
public sealed class TenantData
{
    private readonly string _databasePath;
    private readonly string _folder;
    private readonly StoreEngine _engine;

    internal TenantData(string tenant, string databasePath, string folder, TimeProvider clock, StoreEngine engine)
    {
        Tenant = tenant;
        Clock = clock;
        _databasePath = databasePath;
        _folder = folder;
        _engine = engine;
        Project = new ProjectStore(this);
        Ledger = new LedgerStore(this);
        Workforce = new WorkforceStore(this);
        ProjectFinancials = new ProjectFinancialStore(this);
        PayAppSheets = new PayAppSheetStore(this);
        LedgerFinancials = new LedgerFinancialStore(this);
        Cash = new CashStore(this);
        ConfirmedLinks = new ConfirmedLinkStore(this);
        FinancialNotes = new FinancialNoteStore(this);
        Reclasses = new ReclassEntryStore(this);
        Receivables = new ReceivablesStore(this);
        Promises = new PromiseStore(this);
        Outbox = new OutboxStore(this);
        Documents = new DocumentsStore(this);
        Pricebook = new PricebookStore(this);
        PriceFiles = new PriceFileStore(this);
        ExportImports = new ExportImportStore(this);
        SweepRuns = new SweepRunStore(this);
        NarrationCache = new NarrationCacheStore(this);
        MemoryLearning = new MemoryLearningStore(this);
        Findings = new FindingStore(clock);
        QuickBooks = new QuickBooksConnectionStore(this);
        QuickBooksSync = new QuickBooksSyncStore(this);
    }

    public string Tenant { get; }

    public TimeProvider Clock { get; }

    public ProjectStore Project { get; }

    public LedgerStore Ledger { get; }

    public WorkforceStore Workforce { get; }

    public ProjectFinancialStore ProjectFinancials { get; }

    /// <summary>G703 lines and retainage terms of owner pay applications (issue 16).</summary>
    public PayAppSheetStore PayAppSheets { get; }

    public LedgerFinancialStore LedgerFinancials { get; }

    public CashStore Cash { get; }

    public ConfirmedLinkStore ConfirmedLinks { get; }

    public FinancialNoteStore FinancialNotes { get; }

    public ReclassEntryStore Reclasses { get; }

    public ReceivablesStore Receivables { get; }

    public PromiseStore Promises { get; }

    public OutboxStore Outbox { get; }

    public DocumentsStore Documents { get; }

    public PricebookStore Pricebook { get; }

    public PriceFileStore PriceFiles { get; }

    /// <summary>Confirmed export-file mappings and names resolved by hand (issue 14).</summary>
    public ExportImportStore ExportImports { get; }

    public SweepRunStore SweepRuns { get; }

    public NarrationCacheStore NarrationCache { get; }

    /// <summary>How far memory has learned from decisions, per memory store (issue 12).</summary>
    public MemoryLearningStore MemoryLearning { get; }

    public FindingStore Findings { get; }

    /// <summary>The tenant's QuickBooks Online connection and its encrypted tokens (issue 13).</summary>
    public QuickBooksConnectionStore QuickBooks { get; }

    /// <summary>Applies QuickBooks entities to the canonical ledger tables and keeps the sync cursors (issue 13).</summary>
    public QuickBooksSyncStore QuickBooksSync { get; }

    /// <summary>Where the tenant keeps files of one kind (documents, outbox, price files); files are not database rows.</summary>
    public string FilesFolder(string kind) => Path.Combine(_folder, kind);

    /// <summary>The tenant's own folder, the root that filed documents are addressed relative to.</summary>
    public string Folder => _folder;

    /// <summary>A read unit: one connection, no transaction.</summary>
    public Task<DataUnit> ReadAsync(CancellationToken cancellationToken) =>
        _engine.OpenTenantAsync(Tenant, _databasePath, write: false, cancellationToken);

    /// <summary>A write unit: everything done through it commits together or not at all.</summary>
    public Task<DataUnit> WriteAsync(CancellationToken cancellationToken) =>
        _engine.OpenTenantAsync(Tenant, _databasePath, write: true, cancellationToken);

    /// <summary>Which engine holds the tenant; stores pick per-dialect SQL by it (issue 18).</summary>
    public StoreDialect Dialect => _engine.Dialect;

    /// <summary>
    /// A bare SQLite connection, for the stores not yet ported to units (issue 18 lists them in
    /// <see cref="Postgres.PostgresPorting"/>); on PostgreSQL such a store has no tenant scope, so it refuses.
    /// </summary>
    internal Task<Microsoft.Data.Sqlite.SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        _engine.Dialect == StoreDialect.Sqlite
            ? Databases.OpenTenantAsync(_databasePath, cancellationToken)
            : throw new StoreNotPortedException("a store that opens a bare connection");

    public override string ToString() => $"tenant {Tenant}";
}
