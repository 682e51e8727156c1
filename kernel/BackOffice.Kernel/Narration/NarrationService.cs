using System.Text.Json.Nodes;
using BackOffice.Domain.Memory;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Plugins;
using BackOffice.Store.Audit;
using BackOffice.Store.Memory;

using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Narration;

/// <summary>What narration did in one sweep; recorded in the sweep's audit event (issue 4: tokens used per sweep).</summary>
public sealed record NarrationStats(string Narrator, int ModelNarratives, int Cached, int Rejected, int Fallbacks, long InputTokens, long OutputTokens, string PromptHash)
{
    public static NarrationStats Offline { get; } = new("template", 0, 0, 0, 0, 0, 0, "");

    public long TotalTokens => InputTokens + OutputTokens;

    public JsonObject ToJson() => new()
    {
        ["narrator"] = Narrator,
        ["modelNarratives"] = ModelNarratives,
        ["cached"] = Cached,
        ["rejected"] = Rejected,
        ["fallbacks"] = Fallbacks,
        ["inputTokens"] = InputTokens,
        ["outputTokens"] = OutputTokens,
        ["promptHash"] = PromptHash,
    };
}

/// <summary>
/// Narrates a sweep's findings and proposals after the agent returns them (issue 4): reuses a cached narrative while the
/// facts' hash is unchanged, otherwise asks the narrator for a placeholder narrative, checks it with
/// <see cref="PlaceholderGuard"/> and renders every value itself (issue 15). A rejected narrative is replaced by the
/// template and audited ("narrative.rejected"); a model that fails falls back to the template.
/// </summary>
public sealed class NarrationService(INarrator narrator, AuditStore audit, TimeProvider clock, long maxTokensPerSweep = 50_000)
{
    public INarrator Narrator => narrator;

    private AuditStore Audit => audit;

    private TimeProvider Clock => clock;

    public async Task<(SweepResult Result, NarrationStats Stats)> NarrateAsync(
        TenantData tenant, string agent, SweepResult result, ITenantMemory? memory, CancellationToken cancellationToken)
    {
        if (narrator.IsOffline)
        {
            return (result, NarrationStats.Offline);
        }

        var run = new Run(this, tenant, agent, new NarrationScope(tenant.Tenant, memory, new AuditPluginCalls(audit, tenant), new TokenBudget(maxTokensPerSweep)));
        var findings = new List<Abstractions.Proposals.Finding>();
        foreach (var finding in result.Findings)
        {
            findings.Add(finding with { Narrative = await run.NarrateAsync(NarrationSubject.Of(finding), cancellationToken) });
        }

        var proposals = new List<Abstractions.Proposals.ProposalDraft>();
        foreach (var draft in result.Proposals)
        {
            proposals.Add(draft with { Narrative = await run.NarrateAsync(NarrationSubject.Of(draft), cancellationToken) });
        }

        return (new SweepResult(findings, proposals), run.Stats());
    }

    private sealed class Run(NarrationService owner, TenantData tenant, string agent, NarrationScope scope)
    {
        private readonly NarrationCacheStore _cache = tenant.NarrationCache;
        private int _model, _cached, _rejected, _fallbacks;
        private string _promptHash = "";

        public NarrationStats Stats() =>
            new(owner.Narrator.Id, _model, _cached, _rejected, _fallbacks, scope.Budget.InputTokens, scope.Budget.OutputTokens, _promptHash);

        public async Task<string> NarrateAsync(NarrationSubject subject, CancellationToken cancellationToken)
        {
            var hash = subject.FactsHash(owner.Narrator.Id);
            if (await _cache.GetAsync(hash, cancellationToken) is { } hit)
            {
                _cached++;
                return hit.Narrative;
            }

            var answer = await owner.Narrator.NarrateAsync(subject, scope, cancellationToken);
            _promptHash = answer.PromptHash;
            if (answer.Text is null)
            {
                // Not cached: the model was unavailable, so the next sweep asks again (the circuit keeps that cheap).
                _fallbacks++;
                return subject.TemplateNarrative;
            }

            var slots = subject.Slots;
            var verdict = PlaceholderGuard.Check(answer.Text, slots);
            if (!verdict.Passed)
            {
                // Cached as the template: at temperature 0 the same facts would get the same rejected answer.
                _rejected++;
                await AuditRejectedAsync(subject, answer, verdict, cancellationToken);
                await _cache.PutAsync(hash, subject.Key, new NarrationCacheStore.Entry(subject.TemplateNarrative, "template", answer.PromptHash), cancellationToken);
                return subject.TemplateNarrative;
            }

            _model++;
            var rendered = slots.Render(answer.Text);
            await _cache.PutAsync(hash, subject.Key, new NarrationCacheStore.Entry(rendered, "model", answer.PromptHash), cancellationToken);
            return rendered;
        }

        private async Task AuditRejectedAsync(NarrationSubject subject, NarratorAnswer answer, FirewallVerdict verdict, CancellationToken cancellationToken)
        {
            await owner.Audit.AppendAloneAsync(tenant, $"agent:{agent}", "narrative.rejected", $"{subject.Kind}:{subject.Key}", new JsonObject
            {
                ["narrator"] = owner.Narrator.Id,
                ["promptHash"] = answer.PromptHash,
                ["renderedPromptHash"] = answer.RenderedPromptHash,
                ["violations"] = new JsonArray(verdict.Violations.Select(v => (JsonNode)v).ToArray()),
                ["rejectedText"] = answer.Text,
            }, cancellationToken);
        }
    }
}

/// <summary>Plugin calls go into the tenant's audit chain: "plugin.called" or "plugin.refused" (issue 4).</summary>
public sealed class AuditPluginCalls(AuditStore audit, TenantData tenant) : IPluginCallAudit
{
    public async Task RecordAsync(PluginCallRecord call, CancellationToken cancellationToken)
    {
        await audit.AppendAloneAsync(tenant, $"agent:{call.Agent}", call.RefusedBecause is null ? "plugin.called" : "plugin.refused", $"function:{call.Function}",
            new JsonObject
            {
                ["agent"] = call.Agent,
                ["function"] = call.Function,
                ["arguments"] = call.ArgumentsJson,
                ["resultSize"] = call.ResultSize,
                ["refusedBecause"] = call.RefusedBecause,
            }, cancellationToken);
    }
}
