using BackOffice.Agents.Collections.Actions;
using BackOffice.Domain.Collections;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Collections;

namespace BackOffice.Tests.Collections;

public sealed class CollectionsAgentTests : IDisposable
{
    private readonly CollectionsFixture _f = new();
    private static readonly DateOnly AsOf = CollectionsFixture.AsOf;

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Sweep_InvoiceTwentyDaysLate_ProposesTheFirmEmailFilledWithFigures()
    {
        await _f.SeedAsync();
        await _f.InvoiceAsync("inv-1047", "cust-2", AsOf.AddDays(-20), 4_009_500);

        var result = await _f.SweepAsync();

        var proposal = Assert.Single(result.Proposals);
        Assert.Equal((SendMessagePayload.Kind, RiskClass.Money, true), (proposal.ActionKind, proposal.Risk, proposal.Reversible));
        Assert.Equal(("firm", "email", "john.smith@example.com"), ((string?)proposal.Payload["level"], (string?)proposal.Payload["channel"], (string?)proposal.Payload["to"]));
        Assert.Contains("$40,095.00", (string)proposal.Payload["body"]!);
        Assert.Contains("20 days past due", (string)proposal.Payload["body"]!);
        Assert.Contains("once delivered it cannot be undone", proposal.IrreversibleReason);
        Assert.Equal("40095.00", proposal.Figures.Single(f => f.Name == "amount_due").Value);
        Assert.True(proposal.IdempotencyKey.Length <= 50);
        Assert.Equal(proposal.IdempotencyKey, Assert.Single((await _f.SweepAsync()).Proposals).IdempotencyKey);
    }

    [Fact]
    public async Task Sweep_UnappliedPaymentCoversTheInvoice_RemovesItFromTheQueueWithTheReason()
    {
        await _f.SeedAsync();
        await _f.InvoiceAsync("inv-1055", "cust-2", AsOf.AddDays(-20), 400_000);
        await _f.PaymentAsync("pmt-1", "cust-1", AsOf.AddDays(-3), 400_000, 400_000);

        var result = await _f.SweepAsync();

        Assert.Empty(result.Proposals);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("collections:not-chased:inv-1055", "not-chased:unapplied"), (finding.Key, finding.Check));
        Assert.Contains("paid but unapplied", finding.Narrative);
    }

    [Fact]
    public async Task Sweep_BrokenPromise_EscalatesToTheNextLevel()
    {
        await _f.SeedAsync();
        await _f.InvoiceAsync("inv-1048", "cust-4", AsOf.AddDays(-20), 13_590_000);
        await _f.Path.Promises.RecordAsync(
            new PromiseToPay("ptp-1", "inv-1048", 135_900m, AsOf.AddDays(2), AsOf.AddDays(-5)), "on the phone with Rachel", 1, CancellationToken.None);

        var whilePending = await _f.SweepAsync();
        var afterTheDate = await _f.SweepAsync(AsOf.AddDays(3));

        Assert.Empty(whilePending.Proposals);
        Assert.Equal("not-chased:promised", Assert.Single(whilePending.Findings).Check);
        var escalated = Assert.Single(afterTheDate.Proposals);
        Assert.Equal(("text", "sms", "(555) 010-0199"), ((string?)escalated.Payload["level"], (string?)escalated.Payload["channel"], (string?)escalated.Payload["to"]));
        Assert.Contains("did not pay: escalated to level 3", Assert.Single(afterTheDate.Findings).Narrative);
    }

    [Fact]
    public async Task Sweep_CallLevel_ProposesARoutinePromiseToRecord()
    {
        await _f.SeedAsync();
        await _f.InvoiceAsync("inv-1", "cust-2", AsOf.AddDays(-50), 250_000);

        var result = await _f.SweepAsync();

        Assert.True(result.Proposals.Count == 1, Assert.Single(result.Findings).Narrative);
        var proposal = result.Proposals[0];
        Assert.Equal((RecordPromisePayload.Kind, RiskClass.Routine), (proposal.ActionKind, proposal.Risk));
        Assert.Equal(("2500.00", "2026-11-30"), ((string?)proposal.Payload["amount"], (string?)proposal.Payload["promised_date"]));
        Assert.Contains("Call John Smith", proposal.Narrative);
    }

    [Fact]
    public async Task Sweep_TemplateWithAnInventedAmount_IsRefusedAndNothingIsProposed()
    {
        await _f.SeedAsync();
        await _f.InvoiceAsync("inv-1047", "cust-2", AsOf.AddDays(-20), 4_009_500);
        var folder = Path.Combine(_f.Root, "templates");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "firm-email.txt"), "Subject: Past due\nInvoice {invoice_number}: {amount_due} plus a $150.00 late fee.\n");
        _f.Options.TemplatesFolder = folder;

        var result = await _f.SweepAsync();

        Assert.Empty(result.Proposals);
        Assert.Contains("refused: numbers that are not computed figures: $150.00", Assert.Single(result.Findings).Narrative);
    }

    [Fact]
    public async Task Sweep_JobSubstantiallyCompleteWithRetainageHeld_ProposesTheReleaseRequest()
    {
        await _f.SeedAsync();
        await _f.InvoiceAsync("inv-1047", "cust-2", AsOf.AddDays(5), 4_009_500, retainageCents: 445_500);

        var result = await _f.SweepAsync();

        var proposal = result.Proposals.Single(p => (string?)p.Payload["level"] == "retainage-release");
        Assert.Equal(RiskClass.Money, proposal.Risk);
        Assert.Equal("4455.00", proposal.Figures.Single(f => f.Name == "retainage_receivable").Value);
        Assert.Contains("substantial completion on 2026-11-18", (string)proposal.Payload["body"]!);
        Assert.Single(result.Proposals);
    }
}
