using BackOffice.Domain.Memory;
using BackOffice.Kernel.Plugins;

namespace BackOffice.Kernel.Narration;

/// <summary>Writes the explanation of one finding or proposal (issue 4).</summary>
public interface INarrator
{
    /// <summary>Names the narrator and its prompt versions; part of the narration cache key.</summary>
    string Id { get; }

    /// <summary>True for the template narrator: its text is the template, so there is nothing to cache or check.</summary>
    bool IsOffline { get; }

    Task<NarratorAnswer> NarrateAsync(NarrationSubject subject, NarrationScope scope, CancellationToken cancellationToken);
}

/// <summary>What one sweep's narrations share: the tenant's memory, the plugin-call audit, and the token budget.</summary>
public sealed record NarrationScope(string Tenant, ITenantMemory? Memory, IPluginCallAudit PluginAudit, TokenBudget Budget);

/// <param name="Text">The narrative, or null when the model did not give one (then <paramref name="FallbackReason"/> says why).</param>
/// <param name="PromptHash">Version of the prompt templates used, for the audit.</param>
/// <param name="RenderedPromptHash">SHA-256 of the prompt exactly as rendered and sent (issue 15), when one was rendered.</param>
public sealed record NarratorAnswer(string? Text, long InputTokens, long OutputTokens, string PromptHash, string? FallbackReason, string? RenderedPromptHash = null);

/// <summary>The embedded default (issue 4): the deterministic template narrative the agent wrote from its figures.</summary>
public sealed class TemplateNarrator : INarrator
{
    public string Id => "template";

    public bool IsOffline => true;

    public Task<NarratorAnswer> NarrateAsync(NarrationSubject subject, NarrationScope scope, CancellationToken cancellationToken) =>
        Task.FromResult(new NarratorAnswer(subject.TemplateNarrative, 0, 0, "", null));
}
