using BackOffice.Domain.Documents;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;
using BackOffice.Tools.Documents;

namespace BackOffice.Agents.Documents;

/// <summary>The order a bill was matched to: a project commitment, a ledger purchase order, or both (same number).</summary>
internal sealed record OrderMatch(Commitment? Commitment, string? PurchaseOrderId, string? LedgerCustomerId, OrderLeg Leg, ReceiptLeg? Receipt, MatchResult Result);

/// <summary>Everything the agent learned about one document; findings, proposals and the three reports read this.</summary>
internal sealed record DocumentAnalysis(
    InboxDocument Document,
    Classification Classification,
    string? Sha256)
{
    public ExtractedBill? Bill { get; init; }

    public ArithmeticCheck? Arithmetic { get; init; }

    public LedgerVendor? LedgerVendor { get; init; }

    public ProjectVendor? ProjectVendor { get; init; }

    public ProjectJob? Job { get; init; }

    public string? LedgerJobId { get; init; }

    public OrderMatch? Order { get; init; }

    public IReadOnlyList<DuplicateHit> Duplicates { get; init; } = [];

    /// <summary>The approved project sub invoice this bill is: the Financial agent drafts its ledger bill, not this one.</summary>
    public SubInvoice? CoveredBy { get; init; }

    public string? CostCode { get; init; }

    public string? AccountId { get; init; }

    public CertificateOfInsurance? Certificate { get; init; }

    public CoiStatus CoiStatus { get; init; } = CoiStatus.Unknown;

    public SignatureResult Signature { get; init; } = new(SignatureState.NotRequired, null);

    public string? Folder { get; init; }

    public bool AlreadyFiled { get; init; }

    /// <summary>Text that reads like instructions to an approver or a model; it is recorded and otherwise ignored.</summary>
    public string? InstructionText { get; init; }

    /// <summary>Why this bill cannot be drafted (the A/P exception queue); empty when it can.</summary>
    public IReadOnlyList<string> Exceptions { get; init; } = [];

    public bool IsPayable => Classification.Kind is DocumentKind.VendorBill or DocumentKind.SubPayApplication;

    public string? VendorName => LedgerVendor?.Name ?? ProjectVendor?.Name ?? Bill?.Vendor ?? Certificate?.Insured;

    /// <summary>Gross before retainage: the stated total, else subtotal (or lines) plus tax.</summary>
    public decimal? Gross => Bill is null ? null
        : Bill.Total ?? ((Bill.Subtotal ?? (Bill.Lines.Count > 0 ? Bill.Lines.Sum(l => l.Amount) : null)) + (Bill.Tax ?? 0m));
}
