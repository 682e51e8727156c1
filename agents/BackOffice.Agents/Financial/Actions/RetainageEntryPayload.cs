using System.Globalization;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;
using BackOffice.Tools.Retainage;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// "ledger.retainage-entry" (issue 16): the journal entry that holds or releases retainage in the ledger so it matches
/// the project side. <c>{ txn_date, memo, side: receivable|payable, job_id, customer_id, project_held, ledger_held,
/// retainage_account_id, trade_account_id, vendor_id }</c>; the lines follow from the two held figures
/// (<see cref="RetainageEntries.TrueUp"/>), so the entry always moves exactly their difference. On the payable side
/// (issue 16) <c>vendor_id</c> names the subcontractor and <c>project_held</c> is what the commitment's terms hold; both
/// lines carry the vendor and the job.
/// </summary>
public sealed partial record RetainageEntryPayload(
    string TxnDate, string? Memo, string Side, string JobId, string CustomerId, string ProjectHeld, string LedgerHeld,
    string RetainageAccountId, string TradeAccountId, string? VendorId = null) : IActionPayload
{
    public static string Kind => "ledger.retainage-entry";

    public const string MemoPrefix = "Retainage ";

    public static string MemoFor(string side, string jobId, string movement) => $"{MemoPrefix}{side} {movement}: {jobId}";

    public decimal Difference => Parse(ProjectHeld, "project_held") - Parse(LedgerHeld, "ledger_held");

    public string Movement => Difference > 0m ? "hold" : "release";

    public JournalEntryDraft ToEntry()
    {
        var date = DateOnly.TryParseExact(TxnDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ProposalPayloadException("txn_date: missing or not yyyy-MM-dd.");
        var lines = RetainageEntries.TrueUp(Side, Parse(ProjectHeld, "project_held"), Parse(LedgerHeld, "ledger_held"));
        if (lines.Count == 0)
        {
            throw new ProposalPayloadException("project_held: equals ledger_held; there is nothing to hold or release.");
        }

        var memo = string.IsNullOrWhiteSpace(Memo) ? MemoFor(Side, JobId, Movement) : Memo;
        return new JournalEntryDraft(date, null, memo, lines.Select(l => new JournalLineDraft(
            l.AccountRole is RetainageEntries.ArRetainage or RetainageEntries.ApRetainage ? RetainageAccountId : TradeAccountId,
            l.Debit > 0m ? PostingType.Debit : PostingType.Credit, l.Debit + l.Credit, CustomerId, memo, Side == "payable" ? VendorId : null)).ToList());
    }

    private static decimal Parse(string? text, string field) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value : throw new ProposalPayloadException($"{field}: missing or not a number.");
}
