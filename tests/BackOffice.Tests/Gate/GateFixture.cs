using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Audit;
using BackOffice.Store.Sandbox;
using BackOffice.Store.Sqlite;
using BackOffice.Tests.Support;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Gate;

/// <summary>A fresh tenant with a minimal ledger (the importer is written in parallel), the gate and its switches.</summary>
public sealed class GateFixture : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    /// <param name="amountLimits">Issue 19: Gate:AmountLimits, department to role to the largest amount.</param>
    public GateFixture(IDictionary<string, IDictionary<string, decimal>>? amountLimits = null)
    {
        Path = _temp.Tenant("acme", Clock);
        Audit = new AuditStore(Clock);
        Ledger = new SandboxLedger(Clock);
        Executor = new CrashingExecutor(new CreateBillExecutor(Ledger));
        var options = new GateOptions
        {
            AgentDepartments = new Dictionary<string, string> { ["financial"] = "finance" },
            AmountLimits = amountLimits ?? new Dictionary<string, IDictionary<string, decimal>>(),
        };
        Gate = new ProposalGate(Clock, Audit, options, [Executor]);
        Switches = new GateSwitches(Clock, Audit);
    }

    public static Actor Agent { get; } = Actor.Agent("financial");

    public static Actor Lead { get; } = new("lead@acme", Role.Lead, "finance");

    public static Actor OtherLead { get; } = new("lead2@acme", Role.Lead, "finance");

    public static Actor Admin { get; } = new("admin@acme", Role.Admin, null);

    public TenantData Path { get; }

    /// <summary>How long an execution or undo claim holds (the options' default).</summary>
    public int LeaseSeconds => new GateOptions().ExecutionLeaseSeconds;

    public ManualClock Clock { get; } = new();

    public AuditStore Audit { get; }

    public SandboxLedger Ledger { get; }

    public CrashingExecutor Executor { get; }

    public ProposalGate Gate { get; }

    public GateSwitches Switches { get; }

    public static ProposalDraft BillDraft(
        string key = "fin:bill:SI-1001", string vendorId = "v-1", string? findingKey = null, RiskClass risk = RiskClass.Money,
        string amount = "1234.50") =>
        new("financial", CreateBillPayload.Kind, "Draft bill SI-1001", risk, key,
            new JsonObject
            {
                ["vendor_id"] = vendorId,
                ["vendor_name"] = "Acme Concrete",
                ["txn_date"] = "2026-11-20",
                ["due_date"] = "2026-12-20",
                ["doc_number"] = "SI-1001",
                ["memo"] = "Pay app 3",
                ["lines"] = new JsonArray(new JsonObject
                {
                    ["account_id"] = "a-5000", ["customer_id"] = "c-1", ["cost_code"] = "03-300", ["description"] = "Footings", ["amount"] = amount,
                }),
            },
            [Figure.Usd("amount", 1234.50m, "test")], "Sub invoice SI-1001 has no bill.", ["memo", "due_date"], FindingKey: findingKey);

    public async Task SeedAsync()
    {
        await using var connection = await Path.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            """
            INSERT INTO ledger_vendors (id, name, active, row_hash) VALUES ('v-1', 'Acme Concrete', 1, 'x'), ('v-2', 'Gone Supply', 0, 'x');
            INSERT INTO ledger_accounts (id, number, name, type, active, row_hash) VALUES
                ('a-5000', '5000', 'Job Costs', 'Cost of Goods Sold', 1, 'x'), ('a-2000', '2000', 'Accounts Payable', 'Accounts Payable', 1, 'x');
            INSERT INTO ledger_customers (id, name, fully_qualified_name, is_project, active, row_hash) VALUES ('c-1', 'Job 1', 'Owner:Job 1', 0, 1, 'x');
            """);
    }

    public async Task EnableWritesAsync()
    {
        await Switches.SetMasterAsync(Path, Admin, true, CancellationToken.None);
        await Switches.SetAgentWritesAsync(Path, Admin, "financial", true, CancellationToken.None);
    }

    /// <summary>Submits one draft and returns its id.</summary>
    public async Task<long> SubmitAsync(ProposalDraft? draft = null) =>
        (await Gate.SubmitAsync(Path, Agent, [draft ?? BillDraft()], CancellationToken.None)).Created.Single();

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await Path.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>Every row of the ledger bill tables as text, to compare before and after exactly.</summary>
    public async Task<string> LedgerSnapshotAsync()
    {
        await using var connection = await Path.OpenAsync(CancellationToken.None);
        var rows = new List<string>();
        foreach (var table in new[] { "ledger_bills", "ledger_bill_lines" })
        {
            foreach (IDictionary<string, object?> row in await connection.QueryAsync($"SELECT * FROM {table} ORDER BY id"))
            {
                rows.Add(table + ": " + string.Join("|", row.Select(kv => $"{kv.Key}={kv.Value}")));
            }
        }

        return string.Join("\n", rows);
    }

    public async Task<IReadOnlyList<AuditEvent>> AuditEventsAsync()
    {
        await using var connection = await Path.OpenAsync(CancellationToken.None);
        return await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None);
    }

    public void Dispose() => _temp.Dispose();
}
