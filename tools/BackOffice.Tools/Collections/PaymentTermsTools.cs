using System.ComponentModel;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Tools;

namespace BackOffice.Tools.Collections;

/// <summary>Due dates from payment terms (issue 16): the rule is <see cref="PaymentTerm.DueDate"/>, shared with the QuickBooks sync.</summary>
[ToolAccess(ToolAccess.Read)]
public static class PaymentTermsTools
{
    [Description("The due date of an invoice or bill from its payment term: document date plus DueDays (standard terms), or the DayOfMonthDue on or after the document date, moved to the next month when within DueNextMonthDays of it (date-driven terms); otherwise the document date plus the default days.")]
    public static DateOnly DueDate(
        [Description("The invoice or bill date")] DateOnly documentDate,
        [Description("The customer's or vendor's payment term, or null when it has none")] PaymentTerm? term,
        [Description("Days after the document date when there is no term (e.g. 30)")] int defaultDays) =>
        term?.DueDate(documentDate) ?? documentDate.AddDays(defaultDays);
}
