using BackOffice.Agents.Collections;
using BackOffice.Agents.Collections.Actions;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Audit;
using BackOffice.Store.Collections;
using BackOffice.Store.Sqlite;
using BackOffice.Tests.Support;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Collections;

/// <summary>A fresh tenant with two customers and their jobs, contacts, the collections agent, the gate and the outbox.</summary>
public sealed class CollectionsFixture : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public CollectionsFixture()
    {
        Path = _temp.Tenant("acme", Clock);
        // The tenant's own outbox folder: where delivery writes .eml files when no SMTP host is set.
        OutboxFolder = Path.FilesFolder("outbox");
        Outbox = new OutboxOptions { DeliveryDelayMinutes = 15 };
        Audit = new AuditStore(Clock);
        var options = new GateOptions { AgentDepartments = new Dictionary<string, string> { ["collections"] = "collections" } };
        Gate = new ProposalGate(Clock, Audit, options, [new SendMessageExecutor(Outbox), new RecordPromiseExecutor()]);
        Switches = new GateSwitches(Clock, Audit);
    }

    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public static Actor Lead { get; } = new("lead@acme", Role.Lead, "collections");

    public static Actor Approver { get; } = new("approver@acme", Role.Approver, "collections");

    public static Actor Admin { get; } = new("admin@acme", Role.Admin, null);

    public TenantData Path { get; }

    public string Root => _temp.Root;

    public string OutboxFolder { get; }

    public ManualClock Clock { get; } = new();

    public OutboxOptions Outbox { get; }

    public AuditStore Audit { get; }

    public ProposalGate Gate { get; }

    public GateSwitches Switches { get; }

    public CollectionsOptions Options { get; } = new() { TemplatesFolder = System.IO.Path.Combine(RepoPaths.Root, "prompts", "collections") };

    public Task<SweepResult> SweepAsync(DateOnly? asOf = null) =>
        new CollectionsAgent(Options, Outbox).SweepAsync(new SweepContext(Path, asOf ?? AsOf, new Progress<string>(), null), CancellationToken.None);

    public Task<OutboxDeliveryResult> DeliverAsync() => new OutboxDelivery(Outbox, Clock).DeliverDueAsync(Path, CancellationToken.None);

    public OutboxStore OutboxStore => Path.Outbox;

    public async Task SeedAsync()
    {
        await using var c = await Path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("""
            INSERT INTO ledger_customers (id, name, parent_id, fully_qualified_name, is_project, active, row_hash) VALUES
                ('cust-1', 'Smith, J', NULL, 'Smith, J', 0, 1, 'x'),
                ('cust-2', 'Kitchen Remodel', 'cust-1', 'Smith, J:Kitchen Remodel', 0, 1, 'x'),
                ('cust-3', 'Harbor Point Partners LLC', NULL, 'Harbor Point Partners LLC', 0, 1, 'x'),
                ('cust-4', 'Suite 300 TI', 'cust-3', 'Harbor Point Partners LLC:Suite 300 TI', 0, 1, 'x');
            INSERT INTO contacts (id, name, email, phone, ledger_customer_id, row_hash) VALUES
                ('con-1', 'John Smith', 'john.smith@example.com', '(555) 010-0142', 'cust-1', 'x'),
                ('con-2', 'Rachel Kim', 'ap@harborpoint.example.com', '(555) 010-0199', 'cust-3', 'x');
            INSERT INTO project_jobs (id, number, name, status, substantial_completion_date, row_hash) VALUES
                ('job-1', '2026-101', 'Smith Residence - Kitchen', 'active', '2026-11-18', 'x');
            INSERT INTO map_links (id, kind, project_id, ledger_id, row_hash) VALUES ('l-1', 'job', 'job-1', 'cust-2', 'x');
            """);
    }

    public async Task InvoiceAsync(string id, string customer, DateOnly due, long totalCents, long retainageCents = 0)
    {
        await using var c = await Path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("""
            INSERT INTO ledger_invoices (id, customer_id, doc_number, txn_date, due_date, total_cents, retainage_cents, row_hash)
            VALUES (@id, @customer, @doc, @txn, @due, @totalCents, @retainageCents, 'x')
            """, new { id, customer, doc = id.Replace("inv-", ""), txn = Day(due.AddDays(-30)), due = Day(due), totalCents, retainageCents });
    }

    public async Task PaymentAsync(string id, string customer, DateOnly on, long totalCents, long unappliedCents, string? appliedTo = null)
    {
        await using var c = await Path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("""
            INSERT INTO ledger_payments (id, customer_id, txn_date, total_cents, unapplied_cents, reference, row_hash)
            VALUES (@id, @customer, @on, @totalCents, @unappliedCents, 'Check ' || @id, 'x')
            """, new { id, customer, on = Day(on), totalCents, unappliedCents });
        if (appliedTo is not null)
        {
            await c.ExecuteAsync("""
                INSERT INTO ledger_payment_lines (id, payment_id, invoice_id, amount_cents, row_hash) VALUES (@id || '-1', @id, @appliedTo, @applied, 'x')
                """, new { id, appliedTo, applied = totalCents - unappliedCents });
        }
    }

    public async Task EnableWritesAsync()
    {
        await Switches.SetMasterAsync(Path, Admin, true, CancellationToken.None);
        await Switches.SetAgentWritesAsync(Path, Admin, "collections", true, CancellationToken.None);
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _temp.Dispose();
}
