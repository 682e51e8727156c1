using BackOffice.Agents.Collections.Actions;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Collections;

namespace BackOffice.Agents.Collections;

/// <summary>
/// Retainage release follow-up (issue 5): a job whose substantial completion date (project_jobs) is on or before
/// the sweep date and whose ledger job still has retainage receivable gets a request for release, sent like any
/// dunning message (Money, a department lead approves, undoable until delivered).
/// </summary>
internal sealed class RetainageRelease(CollectionsData data, TimeSpan deliveryDelay, Templates templates)
{
    public const string Check = "retainage-release";
    public const string Template = "retainage-release-email.txt";

    public CheckResult Run(DateOnly asOf)
    {
        var findings = new List<Finding>();
        var proposals = new List<ProposalDraft>();
        var retainage = CollectionsWorklist.Traced("AgingTools.RetainageReceivable", () => AgingTools.RetainageReceivable(data.Invoices, asOf, data.Settled));
        foreach (var job in data.Jobs.Where(j => j.SubstantialCompletion is { } d && d <= asOf))
        {
            var match = CollectionsWorklist.Traced("CrossSystemMatcher.Match", () => data.Identity.Job(job.JobId, job.Name));
            var held = match.IsConfident ? retainage.GetValueOrDefault(match.LedgerId!) : 0m;
            if (held <= 0m)
            {
                continue;
            }

            Propose(job.JobId, match.LedgerId!, job.SubstantialCompletion!.Value, held, findings, proposals);
        }

        return CheckResult.Of(findings, proposals);
    }

    private void Propose(string jobId, string customerId, DateOnly completed, decimal held, List<Finding> findings, List<ProposalDraft> proposals)
    {
        var key = $"collections:{Check}:{jobId}";
        var sources = new[] { new SourceRef("project", "project_jobs", jobId), new SourceRef("ledger", "ledger_customers", customerId) };
        var figures = new List<Figure>
        {
            Figure.Usd("retainage_receivable", held, "AgingTools.RetainageReceivable", sources[1]),
            Figure.Date("substantial_completion", completed, "ReceivablesStore.JobCompletionsAsync", sources[0]),
        };
        var contact = data.ContactFor(customerId);
        var values = new Dictionary<string, TemplateValue>(StringComparer.Ordinal)
        {
            ["retainage_amount"] = new(MoneyText.Usd(held), MoneyText.Plain(held)),
            ["completion_date"] = new(DunningValues.Day(completed), DunningValues.Day(completed)),
            ["job_name"] = new(data.NameOf(customerId), null),
            ["contact_name"] = new(contact?.Name ?? data.NameOf(data.Root(customerId)), null),
        };
        var title = $"{data.NameOf(customerId)} reached substantial completion {DunningValues.Day(completed)} with {MoneyText.Usd(held)} retainage held";
        var text = templates.Get(Template);
        var draft = text is null ? null : CollectionsWorklist.Traced("DunningDrafter.Draft", () => DunningDrafter.Draft(text, values));
        var narrative = $"The job reached substantial completion on {DunningValues.Day(completed)} and {MoneyText.Usd(held)} of retainage is still held by the owner.";
        if (draft is not { Accepted: true } || contact?.Email is null)
        {
            findings.Add(new Finding(key, "collections", Check, Severity.Warning, title, figures,
                narrative + (draft is not { Accepted: true } ? $" No request was drafted: template {Template} is missing or refused." : " No contact email is on file.")));
            return;
        }

        findings.Add(new Finding(key, "collections", Check, Severity.Warning, title, figures, narrative + " Proposed: ask the owner to release it."));
        var minutes = (int)deliveryDelay.TotalMinutes;
        var payload = ActionPayloadJson.ToJson(new SendMessagePayload(FollowUpChannel.Email, contact.Email, draft.Subject, draft.Body, null, Check,
            [.. values.Values.Select(v => v.FigureValue).OfType<string>()], [.. values.Values.Where(v => v.FigureValue is null).Select(v => v.Text)]));
        proposals.Add(new ProposalDraft("collections", SendMessagePayload.Kind, $"Request retainage release of {MoneyText.Usd(held)} for {data.NameOf(customerId)}",
            RiskClass.Money, ProposalKeys.For("col-ret-", jobId, MoneyText.Plain(held)), payload, figures,
            narrative + $" On execution the email waits {minutes} minutes in the outbox and can be undone until then; once delivered it cannot be undone.\n\n" + draft.Body,
            ["to", "subject", "body"], Reversible: true,
            IrreversibleReason: $"undo only within {minutes} minutes of execution, while the message waits in the outbox; once delivered it cannot be undone",
            FindingKey: key));
    }
}
