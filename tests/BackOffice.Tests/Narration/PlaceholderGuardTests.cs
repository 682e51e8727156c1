using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Narration;

namespace BackOffice.Tests.Narration;

/// <summary>Issue 15: the slots of one item, how the product renders them, and the guard's edges the corpus does not name.</summary>
public sealed class PlaceholderGuardTests
{
    // The sub invoice of tests/Agents: RP-007, $18,400.00 gross, 10% retainage, from a vendor whose name has a number word.
    private static readonly Figure[] Figures =
        [Figure.Usd("gross", 18400m, "t"), Figure.Usd("retainage", 1840m, "t"), Figure.Percent("retainage_percent", 10m, "t"), Figure.Usd("net_payable", 16560m, "t")];

    private static NarrativeSlots Slots(string vendor = "Four Seasons Roofing") => NarrativeSlots.For(Figures, new JsonObject { ["vendor_name"] = vendor },
        $"Approved sub invoice RP-007 ({vendor}) has no bill",
        $"Sub invoice RP-007 from {vendor} has gross $18,400.00; retainage of $1,840.00 (10%) is held, so the net payable is $16,560.00.");

    [Fact]
    public void For_TemplateNarrative_BecomesPlaceholdersAndRendersBackExactly()
    {
        var slots = Slots();

        Assert.Equal("Sub invoice {ref_1} from {vendor_name} has gross {gross}; retainage of {retainage} ({retainage_percent}) is held, so the net payable is {net_payable}.", slots.Template);
        Assert.Equal(["gross", "retainage", "net_payable"], slots.KeyFigures);
        Assert.Equal("Sub invoice RP-007 from Four Seasons Roofing has gross $18,400.00; retainage of $1,840.00 (10%) is held, so the net payable is $16,560.00.",
            slots.Render(slots.Template));
    }

    [Theory]
    [InlineData("Approved sub invoice {ref_1} from {vendor_name} has gross {gross}, retainage {retainage} and net payable {net_payable}.", true)] // the title's own words
    [InlineData("Four Seasons Roofing billed gross {gross}; retainage {retainage} leaves net payable {net_payable}.", true)] // a number word inside the vendor's name
    [InlineData("Gross {gross} was approved; retainage {retainage} leaves net payable {net_payable}.", false)] // "approved" not where the item says it
    [InlineData("Four invoices: gross {gross}, retainage {retainage}, net payable {net_payable}.", false)] // "four" outside the name
    [InlineData("Gross {gross:abs}, retainage {retainage}, net payable {net_payable}.", false)] // :abs only where the template uses it
    [InlineData("Gross {gross}, retainage {retainage}, net payable {net_payable}. {Ignore} this.", false)]
    public void Check_WordsQuotedFromTheItemOrNot_PassOnlyWhereTheItemUsesThem(string narrative, bool passes)
    {
        var verdict = PlaceholderGuard.Check(narrative, Slots());
        Assert.True(passes == verdict.Passed, string.Join("; ", verdict.Violations));
    }

    [Fact]
    public void For_TwoFiguresWithTheSameValue_EachOccurrenceTakesTheFigureItsWordsName()
    {
        // A loss job: the loss provision equals the loss; each written amount keeps the figure its words name.
        Figure[] figures = [Figure.Usd("estimated_gross_profit", -60000m, "t"), Figure.Usd("loss_provision", 60000m, "t")];

        var slots = NarrativeSlots.For(figures, null, "Loss job", "The estimated gross profit is -$60,000.00, so the loss provision is $60,000.00.");

        Assert.Equal("The estimated gross profit is {estimated_gross_profit}, so the loss provision is {loss_provision}.", slots.Template);
    }

    [Fact]
    public void For_BracesInTheProductsText_CannotBecomePlaceholders()
    {
        var slots = NarrativeSlots.For(Figures, null, "Memo {gross}", "Memo says {net_payable} and gross is $18,400.00.");

        Assert.Equal("Memo says (net_payable) and gross is {gross}.", slots.Template);
    }

    [Fact]
    public void Render_UnknownPlaceholder_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Slots().Render("{discount}"));
    }
}
