using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;

namespace BackOffice.Kernel.Plugins;

/// <param name="ResultSize">Characters of the result returned to the model (0 when refused).</param>
public sealed record PluginCallRecord(string Agent, string Function, string ArgumentsJson, int ResultSize, string? RefusedBecause);

public interface IPluginCallAudit
{
    Task RecordAsync(PluginCallRecord call, CancellationToken cancellationToken);
}

/// <summary>
/// What one conversation with the model shares with the kernel's filters (issue 15): the agent, its allow-list, the
/// audit, the sweep's token budget and the round cap. The narrator puts it in its clone of the kernel
/// (<see cref="Microsoft.SemanticKernel.Kernel.Data"/>), so the filters registered once in DI stay stateless.
/// </summary>
public sealed class KernelCall(string agent, IReadOnlyCollection<string> allowedPlugins, IPluginCallAudit audit, TokenBudget budget, int maxRounds)
{
    public const string DataKey = "backoffice.call";

    private readonly ConditionalWeakTable<ChatMessageContent, object> _spent = [];
    private readonly HashSet<string> _audited = new(StringComparer.Ordinal);

    public string Agent { get; } = agent;

    public IReadOnlyCollection<string> AllowedPlugins { get; } = allowedPlugins;

    public IPluginCallAudit Audit { get; } = audit;

    public TokenBudget Budget { get; } = budget;

    public int MaxRounds { get; } = maxRounds;

    public long InputTokens { get; private set; }

    public long OutputTokens { get; private set; }

    /// <summary>Why the conversation was cut short (round cap, token budget), or null.</summary>
    public string? StoppedBecause { get; set; }

    /// <summary>SHA-256 of the prompt as rendered and redacted, set by <see cref="Prompts.PromptRedactionFilter"/>.</summary>
    public string? RenderedPromptHash { get; set; }

    public static KernelCall? Of(Microsoft.SemanticKernel.Kernel kernel) =>
        kernel.Data.TryGetValue(DataKey, out var value) ? value as KernelCall : null;

    /// <summary>Counts a model reply's tokens once, against this call and the sweep's budget.</summary>
    public void Spend(ChatMessageContent reply)
    {
        if (!_spent.TryAdd(reply, reply))
        {
            return;
        }

        var (input, output) = TokenBudget.UsageOf(reply);
        InputTokens += input;
        OutputTokens += output;
        Budget.Spend(input, output);
    }

    /// <summary>Marks a tool call as audited; false if it already was.</summary>
    public bool MarkAudited(string callId) => _audited.Add(callId);
}
