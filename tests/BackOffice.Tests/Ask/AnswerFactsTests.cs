using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Ask;
using BackOffice.Kernel.Narration;

namespace BackOffice.Tests.Ask;

/// <summary>Issue 15: how a report's rows become the placeholders an `ask` answer may use, and what the guard makes of them.</summary>
public sealed class AnswerFactsTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 15);

    private static ReportTable Aging(int customers) => new("A/R aging", ["id", "customer", "61-90", "over 90", "total"],
        Enumerable.Range(1, customers).Select(i => new JsonObject
        {
            ["id"] = $"cust-{i}", ["customer"] = i == 1 ? "Harbor Point Partners LLC" : $"Garcia Family {i}", ["61-90"] = "0.00", ["over 90"] = $"{i}875.00", ["total"] = $"{i}875.00",
        }).ToList());

    [Theory]
    [InlineData("61-90", "n61_90")]
    [InlineData("over 90", "over_90")]
    [InlineData("overUnderBilling", "over_under_billing")]
    [InlineData("cust-41", "cust_41")]
    [InlineData("aging-invoice-date", "aging_invoice_date")]
    [InlineData("--", "x")]
    public void Key_ReportNames_AreSnakeCasePlaceholderNames(string text, string key)
    {
        Assert.Equal(key, AnswerFacts.Key(text));
        Assert.True(PlaceholderSyntax.IsName(key));
    }

    [Fact]
    public void Add_AgingRows_ShowsEachValueAsItsPlaceholderAndRendersMoney()
    {
        var facts = new AnswerFacts();

        var shown = facts.Add("aging", Aging(2), AsOf);

        Assert.Equal("{aging_cust_2_over_90} = 2875.00", (string?)shown["rows"]![1]!["over 90"]);
        Assert.Equal("{aging_col_over_90} = over 90", (string?)shown["columns"]!["over 90"]);
        Assert.True(facts.Slots().TryGet("aging_cust_2_over_90", out var slot));
        Assert.Equal(("usd", "$2,875.00"), (slot.Unit, slot.Rendered));
    }

    /// <summary>Labels come from the row: a figure beside its own customer passes, beside another customer's name it is a swap.</summary>
    [Theory]
    [InlineData("Garcia Family owes {aging_cust_2_over_90}.", true)]
    [InlineData("Harbor Point Partners owes {aging_cust_2_over_90}.", false)]
    [InlineData("Harbor Point Partners owes {aging_cust_1_total}.", true)]
    [InlineData("Harbor Point Partners owes {aging_cust_1_total} and {aging_cust_9_total}.", false)]
    public void Slots_AnswerAgainstTheRowsShown_PassesOnlyWithTheRowsOwnLabels(string answer, bool passes)
    {
        var facts = new AnswerFacts();
        facts.Add("aging", Aging(3), AsOf);

        Assert.Equal(passes, PlaceholderGuard.Check(answer, facts.Slots()).Passed);
    }

    [Fact]
    public void Add_LongReport_ShowsTheFirstRowsAndSaysHowManyAreLeftOut()
    {
        var facts = new AnswerFacts();

        var shown = facts.Add("aging", Aging(AnswerFacts.MaxRows + 5), AsOf);

        Assert.Equal(AnswerFacts.MaxRows, shown["rows"]!.AsArray().Count);
        Assert.Equal(5, (int)shown["rows_left_out"]!);
        Assert.False(facts.Slots().TryGet($"aging_cust_{AnswerFacts.MaxRows + 1}_total", out _));
    }

    [Fact]
    public void CitationsFor_Answer_AreTheRowsWhosePlaceholdersItUsesInOrder()
    {
        var facts = new AnswerFacts();
        facts.Add("aging", Aging(3), AsOf);

        var cited = facts.CitationsFor("{aging_cust_3_total} then {aging_cust_1_customer}, {aging_cust_3_over_90} in {aging_col_over_90}");

        Assert.Equal([new AskCitation("aging", "cust-3", "Garcia Family 3"), new AskCitation("aging", "cust-1", "Harbor Point Partners LLC")], cited);
    }
}
