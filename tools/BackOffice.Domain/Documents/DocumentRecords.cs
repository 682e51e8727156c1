namespace BackOffice.Domain.Documents;

/// <summary>What a received document is (issue 6). Rules and features decide; anything unclear is <see cref="Other"/>.</summary>
public enum DocumentKind
{
    VendorBill,
    SubPayApplication,
    LienWaiver,
    CertificateOfInsurance,
    ChangeOrder,
    RfiAttachment,
    Other,
}

/// <summary>The four statutory lien waiver forms (California Civil Code sections 8132 to 8138 name them this way).</summary>
public enum LienWaiverType
{
    ConditionalProgress,
    UnconditionalProgress,
    ConditionalFinal,
    UnconditionalFinal,
}

/// <summary>
/// One document as received: a file in the tenant's inbox, or one part of an email in it ("mail.eml#invoice.pdf").
/// <paramref name="Text"/> is null when no text could be read (a scanned PDF, an unparsable one): a person must look.
/// </summary>
public sealed record InboxDocument(
    string Id, string SourceFile, string Format, string? Text, string? EmailSubject, string? EmailFrom, string? Unreadable);

/// <param name="Quantity">Null when the line has no quantity column.</param>
public sealed record BillLineItem(string Description, decimal? Quantity, string? Unit, decimal? UnitPrice, decimal Amount);

/// <summary>A bill's fields as read from its text; any field not found is null, never guessed.</summary>
public sealed record ExtractedBill(
    string? Vendor,
    string? InvoiceNumber,
    DateOnly? InvoiceDate,
    DateOnly? DueDate,
    string? PoReference,
    string? Job,
    IReadOnlyList<BillLineItem> Lines,
    decimal? Subtotal,
    decimal? Tax,
    decimal? Total,
    decimal? Retainage,
    decimal? AmountDue)
{
    /// <summary>What the vendor asks to be paid now: the amount due when stated, else the total.</summary>
    public decimal? Payable => AmountDue ?? Total;
}

/// <summary>
/// A vendor's insurance policy as the project system keeps it (issue 14: Procore's vendor insurances): its expiration
/// feeds the Documents agent's insurance checks; an exempt vendor's policies are not checked.
/// </summary>
public sealed record VendorInsurance(string Id, string VendorId, string? Type, string? PolicyNumber, DateOnly? Expiration, string? Status, bool Exempt);
