using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Financial;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// Issue 17: what the cash forecast reads besides the shared analysis (bills' due dates, payments and their lines, bill
/// payments, vendor credits, payroll, retainage terms), kept per memo with the analysis's inputs it was read with. When
/// the analysis of the next stamp was refreshed per key from those inputs, the writes since are lines, bill headers,
/// invoices, payments, journal entry headers, commitments, project or workforce tables or side tables none of these
/// read, except bills (only the bills the journal names are read again), payments (the analysis's, with the payment
/// lines read again), payroll lines (payroll read again) and pay apps or jobs (retainage terms read again).
/// </summary>
internal sealed record CashForecastInputs(
    SweepInputs Inputs, IReadOnlyList<BillDue> Bills, IReadOnlyList<LedgerPayment> Payments, IReadOnlyList<ArPaymentLine> PaymentLines,
    IReadOnlyList<LedgerBillPaymentLine> BillPayments, IReadOnlyList<LedgerVendorCredit> VendorCredits, IReadOnlyList<PayrollGross> Payroll,
    IReadOnlyList<PayAppRetainageTerms> RetainageTerms)
{
    private const string Key = "cash-forecast-inputs";

    /// <summary>Payments applied to the analysis's invoices (<see cref="CashStore.Applied"/>).</summary>
    public IReadOnlyList<AppliedPayment> Applied(FinancialAnalysis analysis) => CashStore.Applied(analysis.Data.Books.Invoices, Payments, PaymentLines);

    /// <summary>The memo's inputs, else the previous memo's with the named bills read again, else read in full.</summary>
    public static async Task<CashForecastInputs> GetAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var snapshot = request.Memo?.Completed<FinancialSnapshot>(FinancialSnapshot.Key);
        if (request.Memo is not { } memo || snapshot is null)
        {
            return await ReadAsync(request, null, cancellationToken);
        }

        return await memo.GetOrAddAsync(Key, async () =>
        {
            if (snapshot.Refreshed is { } refreshed && memo.Previous?.Base<CashForecastInputs>(Key) is { } before
                && ReferenceEquals(before.Inputs, refreshed.From))
            {
                memo.CountPerKey();
                return await RefreshAsync(request, before with { Payments = snapshot.Analysis.Data.Books.Payments }, snapshot.Inputs, refreshed.Changes, CancellationToken.None);
            }

            return await ReadAsync(request, snapshot.Inputs, CancellationToken.None);
        });
    }

    private static async Task<CashForecastInputs> RefreshAsync(
        ReportRequest request, CashForecastInputs before, SweepInputs inputs, IReadOnlyList<JournalEntry> changes, CancellationToken cancellationToken)
    {
        // Issue 17: the payments are the analysis's, refreshed by key; their lines (applications to invoices) read again.
        if (changes.Any(c => c.Kind == "ledger_payments"))
        {
            before = before with { PaymentLines = await request.Data.Receivables.PaymentLinesAsync(cancellationToken) };
        }

        // Issue 17: payroll is summed from the payroll lines; retainage terms join pay apps to their jobs.
        if (changes.Any(c => c.Table == FinancialRefreshProject.PayrollLines))
        {
            before = before with { Payroll = await request.Data.Cash.PayrollAsync(cancellationToken) };
        }

        if (changes.Any(c => c.Table is FinancialRefreshProject.PayApps or FinancialRefreshProject.JobsTable))
        {
            before = before with { RetainageTerms = await request.Data.PayAppSheets.RetainageTermsAsync(cancellationToken) };
        }

        var ids = changes.Where(c => c.Kind == "ledger_bills").Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return before with { Inputs = inputs };
        }

        var now = await request.Data.Ledger.BillsDueAsync(ids, cancellationToken);
        var bills = before.Bills.Where(b => !ids.Contains(b.BillId)).Concat(now).OrderBy(b => b.BillId, StringComparer.Ordinal).ToList();
        return before with { Inputs = inputs, Bills = bills };
    }

    private static async Task<CashForecastInputs> ReadAsync(ReportRequest request, SweepInputs? inputs, CancellationToken cancellationToken)
    {
        var data = request.Data;
        return new CashForecastInputs(
            inputs ?? new SweepInputs(0, ""), await data.Cash.BillsDueAsync(cancellationToken), await data.LedgerFinancials.PaymentsAsync(cancellationToken),
            await data.Receivables.PaymentLinesAsync(cancellationToken), await data.Cash.BillPaymentLinesAsync(cancellationToken),
            await data.Cash.VendorCreditsAsync(cancellationToken), await data.Cash.PayrollAsync(cancellationToken),
            await data.PayAppSheets.RetainageTermsAsync(cancellationToken));
    }
}
