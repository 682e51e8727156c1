using BackOffice.Tools.Collections;
using BackOffice.Tools.Narration;

namespace BackOffice.Tests.Collections;

public sealed class NumberCheckTests
{
    private static readonly Dictionary<string, TemplateValue> Values = new()
    {
        ["amount_due"] = new("$20,095.00", "20095.00"),
        ["days_past_due"] = new("45", "45"),
        ["due_date"] = new("2026-12-03", "2026-12-03"),
        ["invoice_number"] = new("1047", null),
        ["job_name"] = new("Harbor Point Partners LLC:Suite 300 TI", null),
    };

    [Fact]
    public void Draft_OnlyComputedFigures_IsAccepted()
    {
        var draft = DunningDrafter.Draft("Subject: Invoice {invoice_number}\nInvoice {invoice_number} for {job_name}, due {due_date}, is {days_past_due} days late: {amount_due} open.\n", Values);

        Assert.True(draft.Accepted, string.Join(", ", draft.Check.Unknown));
        Assert.Equal("Invoice 1047", draft.Subject);
        Assert.StartsWith("Invoice 1047 for Harbor Point Partners LLC:Suite 300 TI, due 2026-12-03, is 45 days late: $20,095.00 open.", draft.Body);
    }

    [Theory]
    [InlineData("Please also pay the $500.00 late fee.", "$500.00")]
    [InlineData("The open amount is $20,095.01.", "$20,095.01")]
    [InlineData("Pay by 2026-12-10.", "2026-12-10")]
    [InlineData("Interest at 1.5 per month applies.", "1.5")]
    [InlineData("You are 46 days late.", "46")]
    public void Draft_InventedNumber_IsRefusedNamingIt(string sentence, string invented)
    {
        var draft = DunningDrafter.Draft("Invoice {invoice_number}: {amount_due} open. " + sentence, Values);

        Assert.False(draft.Accepted);
        Assert.Equal([invented], draft.Check.Unknown);
    }

    [Fact]
    public void Draft_UnknownPlaceholder_IsRefused()
    {
        var draft = DunningDrafter.Draft("Interest: {interest_due}", Values);

        Assert.False(draft.Accepted);
        Assert.Equal(["interest_due"], draft.MissingPlaceholders);
    }

    [Theory]
    [InlineData("$1,234.50", "1234.50", true)]
    [InlineData("1234.5", "1234.50", true)]
    [InlineData("-$12.00", "-12.00", true)]
    [InlineData("$1,234.51", "1234.50", false)]
    public void Check_AmountsCompareNumerically(string text, string figure, bool passes) =>
        Assert.Equal(passes, NumberCheck.Check($"Amount {text} only.", [figure], []).Passed);

    /// <summary>Every shipped template, filled with figures, passes its own check: none writes a number of its own.</summary>
    [Theory]
    [InlineData("reminder-email.txt")]
    [InlineData("firm-email.txt")]
    [InlineData("overdue-sms.txt")]
    [InlineData("call-script.txt")]
    [InlineData("lien-warning-email.txt")]
    [InlineData("retainage-release-email.txt")]
    public void ShippedTemplates_FilledWithFigures_PassTheCheck(string template)
    {
        var values = new Dictionary<string, TemplateValue>(Values)
        {
            ["invoice_date"] = new("2026-11-03", "2026-11-03"),
            ["pay_by_date"] = new("2026-12-01", "2026-12-01"),
            ["customer_name"] = new("Smith, J", null),
            ["contact_name"] = new("John Smith", null),
            ["contact_phone"] = new("(555) 010-0142", null),
            ["completion_date"] = new("2026-11-18", "2026-11-18"),
            ["retainage_amount"] = new("$4,455.00", "4455.00"),
        };

        var draft = DunningDrafter.Draft(File.ReadAllText(Path.Combine(Support.RepoPaths.Root, "prompts", "collections", template)), values);

        Assert.True(draft.Accepted, string.Join(", ", draft.Check.Unknown.Concat(draft.MissingPlaceholders)));
    }

    [Fact]
    public void Check_ShortIdentifier_IsRemovedOnlyAsAWholeToken()
    {
        Assert.True(NumberCheck.Check("Invoice 1 was due 2026-10-01 for $1,250.00.", ["2026-10-01", "1250.00"], ["1"]).Passed);
        Assert.Equal(["$1.00"], NumberCheck.Check("Invoice 1 owes $1.00.", ["2.00"], ["1"]).Unknown);
    }
}
