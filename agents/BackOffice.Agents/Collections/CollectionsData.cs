using BackOffice.Agents.Books;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Memory;
using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Store.Collections;
using BackOffice.Tools.Collections;

using BackOffice.Store.Tenancy;

namespace BackOffice.Agents.Collections;

/// <summary>Everything the Collections agent and its reports read, loaded once.</summary>
public sealed record CollectionsData(
    IReadOnlyList<ArInvoice> Invoices,
    IReadOnlyList<LedgerPayment> Payments,
    IReadOnlyList<ArPaymentLine> PaymentLines,
    IReadOnlyList<ArCredit> Credits,
    IReadOnlyList<PromiseToPay> Promises,
    IReadOnlyList<InvoiceDispute> Disputes,
    IReadOnlyDictionary<string, LedgerCustomer> Customers,
    IReadOnlyList<CustomerContact> Contacts,
    IReadOnlyList<JobCompletion> Jobs,
    IdentityResolver Identity,
    IReadOnlyList<SettledCustomer>? Settled = null)
{
    /// <param name="memory">The tenant memory when the caller has one (a sweep); reports resolve without remembered links.</param>
    public static async Task<CollectionsData> LoadAsync(TenantData tenant, ITenantMemory? memory, CancellationToken cancellationToken)
    {
        var store = tenant.Receivables;
        return await LoadAsync(tenant, memory, await store.InvoicesAsync(cancellationToken), await store.PaymentsAsync(cancellationToken),
            await store.PaymentLinesAsync(cancellationToken), null, cancellationToken);
    }

    /// <summary>
    /// Issue 18: the data as of a later date than Collections' stored aging snapshot, read from it: only the invoices not
    /// settled as of its date, their payment lines and payments, the payments with money unapplied, and the settled
    /// invoices' figures per customer. The caller checks the snapshot still stands (<see cref="AgingSnapshot.UsableAsync"/>).
    /// Every invoice of <paramref name="changed"/> (customers whose receivables changed since) is read too, and their
    /// settled figures are left out, so the aging folds them again from their invoices as read now.
    /// </summary>
    public static async Task<CollectionsData> LoadSnapshotAsync(
        TenantData tenant, ITenantMemory? memory, IReadOnlyList<string> changed, CancellationToken cancellationToken)
    {
        var store = tenant.Receivables;
        var reread = changed.ToHashSet(StringComparer.Ordinal);
        var settled = (await tenant.AgingSnapshot.SettledAsync(cancellationToken)).Where(s => !reread.Contains(s.CustomerId)).ToList();
        return await LoadAsync(tenant, memory, await store.SnapshotInvoicesAsync(changed, cancellationToken),
            await tenant.LedgerFinancials.SnapshotPaymentsAsync(changed, cancellationToken), await store.SnapshotPaymentLinesAsync(changed, cancellationToken),
            settled, cancellationToken);
    }

    private static async Task<CollectionsData> LoadAsync(
        TenantData tenant, ITenantMemory? memory, IReadOnlyList<ArInvoice> invoices, IReadOnlyList<LedgerPayment> payments,
        IReadOnlyList<ArPaymentLine> lines, IReadOnlyList<SettledCustomer>? settled, CancellationToken cancellationToken)
    {
        var store = tenant.Receivables;
        // Issue 12: job identity (explicit, confirmed, remembered links, then names) from the shared read model.
        var books = await TenantBooks.LoadAsync(tenant, memory, cancellationToken);
        return new CollectionsData(
            invoices,
            payments,
            lines,
            await store.CreditsAsync(cancellationToken),
            await store.PromisesAsync(cancellationToken),
            await store.DisputesAsync(cancellationToken),
            books.Masters.LedgerCustomers.ToDictionary(c => c.Id),
            await store.ContactsAsync(cancellationToken),
            await store.JobCompletionsAsync(cancellationToken),
            books.Identity,
            settled);
    }

    /// <summary>Customer id -> its top-level customer (QuickBooks jobs are sub-customers; a chain is followed to the top).</summary>
    public IReadOnlyDictionary<string, string> Families() => Customers.Keys.ToDictionary(id => id, Root, StringComparer.Ordinal);

    public string Root(string customerId)
    {
        var id = customerId;
        for (var hops = 0; hops < 16 && Customers.TryGetValue(id, out var c) && c.ParentId is { } parent; hops++)
        {
            id = parent;
        }

        return id;
    }

    public string NameOf(string customerId) => Customers.TryGetValue(customerId, out var c) ? c.FullyQualifiedName : customerId;

    /// <summary>The contact on file for a job, else for its top-level customer.</summary>
    public CustomerContact? ContactFor(string customerId) =>
        Contacts.FirstOrDefault(c => c.CustomerId == customerId) ?? Contacts.FirstOrDefault(c => c.CustomerId == Root(customerId));
}

/// <summary>The computed worklist as of a date: aging, what is chased and what was taken off, and the ranked queue.</summary>
public sealed record CollectionsWorklist(
    DateOnly AsOf, IReadOnlyList<OpenItem> Open, IReadOnlyList<AgingRow> Aging, ChaseList Chase, IReadOnlyList<QueueEntry> Queue)
{
    public static CollectionsWorklist Compute(CollectionsData data, DateOnly asOf, AgingBuckets buckets)
    {
        var families = data.Families();
        var open = Traced("AgingTools.OpenItems", () => AgingTools.OpenItems(data.Invoices, data.Payments, data.PaymentLines, asOf, buckets));
        var aging = Traced("AgingTools.ByCustomer", () => AgingTools.ByCustomer(open, data.Invoices, asOf, buckets, credits: data.Credits, settled: data.Settled));
        var chase = Traced("ChaseListTools.Build", () =>
            ChaseListTools.Build(open, data.Payments, data.PaymentLines, data.Promises, data.Disputes, families, asOf));
        var late = Traced("QueueScoring.AverageDaysLate", () =>
            QueueScoring.AverageDaysLate(data.Invoices, data.Payments, data.PaymentLines, families, asOf, data.Settled));
        var queue = Traced("QueueScoring.Rank", () => QueueScoring.Rank(chase.Chase, late, families));
        return new CollectionsWorklist(asOf, open, aging, chase, queue);
    }

    public static T Traced<T>(string tool, Func<T> call)
    {
        using var activity = BackOfficeTelemetry.ToolCall(tool);
        return call();
    }
}
