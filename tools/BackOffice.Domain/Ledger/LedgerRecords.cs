namespace BackOffice.Domain.Ledger;

/// <summary>An account in the chart of accounts (QuickBooks AccountType in <paramref name="Type"/>).</summary>
public sealed record LedgerAccount(string Id, string? Number, string Name, string Type, bool Active);

/// <summary>A customer or job (sub-customer / project) in the ledger.</summary>
public sealed record LedgerCustomer(string Id, string Name, string? ParentId, string FullyQualifiedName, bool IsProject, bool Active);

public sealed record LedgerVendor(string Id, string Name, bool Active);

public sealed record LedgerBill(
    string Id, string VendorId, string? DocNumber, DateOnly TxnDate, decimal Total, string Origin, string Status,
    IReadOnlyList<LedgerBillLine> Lines);

public sealed record LedgerBillLine(string AccountId, string? CustomerId, string? Item, decimal Amount);

/// <summary>A bill without its lines: what duplicate checks and PO billings need (issue 18: no line is read for them).</summary>
public sealed record LedgerBillHeader(string Id, string VendorId, string? DocNumber, DateOnly TxnDate, decimal Total);

/// <summary>An explicit link a person made between a project-side record and a ledger-side one.</summary>
public sealed record CrossSystemLink(string Kind, string ProjectId, string LedgerId);

/// <summary>A line of a bill to be written (issue 12: one line record for the drafted sub-invoice bill and the ledger write).</summary>
/// <param name="Amount">Dollars; must be whole cents.</param>
public sealed record BillLineDraft(string AccountId, string? CustomerId, string? CostCode, string? Description, decimal Amount);

/// <summary>Part of a bill payment applied to one bill (issue 13: a QuickBooks BillPayment line's LinkedTxn to a Bill).</summary>
public sealed record LedgerBillPaymentLine(string BillPaymentId, string BillId, DateOnly PaidOn, decimal Amount);

/// <summary>A vendor credit still unapplied (issue 13: a QuickBooks VendorCredit's Balance).</summary>
public sealed record LedgerVendorCredit(string Id, string VendorId, DateOnly TxnDate, decimal Remaining);
