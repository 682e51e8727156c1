using BackOffice.Agents.Collections.Actions;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Collections;

namespace BackOffice.Agents.Collections;

/// <summary>
/// Turns each queue entry into its follow-up (issue 5): an email or SMS to send (a Money proposal), or for the call
/// level a call script with a record-promise proposal for the collector to fill in after the call.
/// </summary>
internal sealed class DunningProposals(CollectionsData data, CollectionsOptions options, TimeSpan deliveryDelay, Templates templates)
{
    public const string Check = "follow-up";

    public CheckResult Run(CollectionsWorklist worklist)
    {
        var findings = new List<Finding>();
        var proposals = new List<ProposalDraft>();
        foreach (var entry in worklist.Queue)
        {
            var broken = entry.Item.BrokenPromise;
            var level = CollectionsWorklist.Traced("FollowUpLevels.LevelFor",
                () => FollowUpLevels.LevelFor(options.FollowUp, entry.Item.Item.DaysPastDue, broken is not null));
            if (level is not null)
            {
                Propose(entry, level, worklist.AsOf, findings, proposals);
            }
        }

        return CheckResult.Of(findings, proposals);
    }

    private void Propose(QueueEntry entry, FollowUpLevel level, DateOnly asOf, List<Finding> findings, List<ProposalDraft> proposals)
    {
        var invoice = entry.Item.Item.Invoice;
        var key = $"collections:{Check}:{invoice.Id}";
        var values = DunningValues.For(entry, data, asOf, options.PayByDays);
        var number = invoice.DocNumber ?? invoice.Id;
        var title = $"Invoice {number} ({data.NameOf(invoice.CustomerId)}): {entry.Item.Item.DaysPastDue} days past due, {MoneyText.Usd(entry.Item.ChaseAmount)}, level {level.Number} {level.Name} ({level.Channel})";
        var why = Why(entry, level);
        var template = templates.Get(level.Template);
        if (template is null)
        {
            findings.Add(new Finding(key, "collections", Check, Severity.Warning, title, values.Figures,
                $"{why} No message was drafted: the template {level.Template} is missing from {templates.Folder}."));
            return;
        }

        var draft = CollectionsWorklist.Traced("DunningDrafter.Draft", () => DunningDrafter.Draft(template, values.Values));
        if (!draft.Accepted)
        {
            findings.Add(new Finding(key, "collections", Check, Severity.Warning, title, values.Figures,
                $"{why} The drafted message was refused: {Refusal(draft)}. Fix the template {level.Template}."));
            return;
        }

        var contact = data.ContactFor(invoice.CustomerId);
        var recipient = level.Channel switch
        {
            FollowUpChannel.Email => contact?.Email,
            FollowUpChannel.Sms => contact?.Phone,
            _ => contact?.Phone,
        };
        findings.Add(new Finding(key, "collections", Check, entry.Item.Item.DaysPastDue > 60 ? Severity.Critical : Severity.Warning, title, values.Figures,
            why + (recipient is null ? " No contact with an address for this channel is on file, so nothing is proposed." : "")));
        if (recipient is null)
        {
            return;
        }

        proposals.Add(level.Channel == FollowUpChannel.Call
            ? PromiseProposal(entry, level, values, draft, asOf, key)
            : SendProposal(entry, level, values, draft, recipient, key));
    }

    private static string Why(QueueEntry entry, FollowUpLevel level)
    {
        var item = entry.Item;
        var text = $"Rank {entry.Rank} in the collections queue ({entry.Reason}). Invoice {item.Item.Invoice.DocNumber ?? item.Item.Invoice.Id} " +
                   $"was due {DunningValues.Day(item.Item.Invoice.DueDate)}; {MoneyText.Usd(item.ChaseAmount)} is to be chased.";
        if (item.UnappliedCovered > 0m)
        {
            text += $" {MoneyText.Usd(item.UnappliedCovered)} of it is covered by unapplied payments and is not chased.";
        }

        if (item.BrokenPromise is { } p)
        {
            text += $" The customer promised {MoneyText.Usd(p.Amount)} by {DunningValues.Day(p.PromisedDate)} and did not pay: escalated to level {level.Number} ({level.Name}).";
        }
        else
        {
            text += $" Follow-up level {level.Number} ({level.Name}, {level.Channel}) applies from {level.FromDaysPastDue} days past due.";
        }

        return text;
    }

    private static string Refusal(DunningDraft draft) =>
        string.Join("; ", new[]
        {
            draft.Check.Passed ? null : "numbers that are not computed figures: " + string.Join(", ", draft.Check.Unknown),
            draft.MissingPlaceholders.Count == 0 ? null : "unknown placeholders: " + string.Join(", ", draft.MissingPlaceholders),
        }.OfType<string>());

    private ProposalDraft SendProposal(QueueEntry entry, FollowUpLevel level, DunningValues values, DunningDraft draft, string recipient, string findingKey)
    {
        var invoice = entry.Item.Item.Invoice;
        var payload = ActionPayloadJson.ToJson(new SendMessagePayload(level.Channel, recipient, draft.Subject, draft.Body, invoice.Id, level.Name,
            [.. values.Values.Values.Select(v => v.FigureValue).OfType<string>()], [.. values.Values.Values.Where(v => v.FigureValue is null).Select(v => v.Text)]));
        var minutes = (int)deliveryDelay.TotalMinutes;
        var narrative = $"Send the level {level.Number} ({level.Name}) {level.Channel} to {recipient} about invoice {invoice.DocNumber ?? invoice.Id}. " +
                        $"On execution it waits {minutes} minutes in the outbox, and can be undone until then; once delivered it cannot be undone.\n\n" +
                        (draft.Subject is null ? "" : $"Subject: {draft.Subject}\n") + draft.Body;
        return new ProposalDraft("collections", SendMessagePayload.Kind, $"Send {level.Name} {level.Channel} for invoice {invoice.DocNumber ?? invoice.Id} ({MoneyText.Usd(entry.Item.ChaseAmount)})",
            RiskClass.Money, ProposalKeys.For("col-msg-", invoice.Id, level.Name, MoneyText.Plain(entry.Item.ChaseAmount)), payload, values.Figures, narrative,
            ["to", "subject", "body"], Reversible: true,
            IrreversibleReason: $"undo only within {minutes} minutes of execution, while the message waits in the outbox; once delivered it cannot be undone",
            FindingKey: findingKey);
    }

    private ProposalDraft PromiseProposal(QueueEntry entry, FollowUpLevel level, DunningValues values, DunningDraft draft, DateOnly asOf, string findingKey)
    {
        var invoice = entry.Item.Item.Invoice;
        var payload = ActionPayloadJson.ToJson(new RecordPromisePayload(invoice.Id, MoneyText.Plain(entry.Item.ChaseAmount),
            DunningValues.Day(asOf.AddDays(options.PayByDays)), DunningValues.Day(asOf), ""));
        var narrative = $"Call the customer about invoice {invoice.DocNumber ?? invoice.Id} (level {level.Number}, {level.Name}). " +
                        "If they promise to pay, set amount and promised_date to what they promised and approve; the promise keeps the invoice " +
                        "off the chase list until its date, and a broken one escalates to the next level.\n\n" + draft.Body;
        return new ProposalDraft("collections", RecordPromisePayload.Kind, $"Call about invoice {invoice.DocNumber ?? invoice.Id} and record the promise to pay",
            RiskClass.Routine, ProposalKeys.For("col-ptp-", invoice.Id, level.Name, MoneyText.Plain(entry.Item.ChaseAmount)), payload, values.Figures, narrative,
            ["amount", "promised_date", "recorded_on", "note"], FindingKey: findingKey);
    }
}
