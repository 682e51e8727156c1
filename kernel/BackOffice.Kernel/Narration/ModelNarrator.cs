using System.Globalization;
using BackOffice.Kernel.Model;
using BackOffice.Kernel.Plugins;
using BackOffice.Kernel.Prompts;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace BackOffice.Kernel.Narration;

/// <summary>
/// Asks the model to explain a finding (issue 4), through Semantic Kernel since issue 15: one prompt function rendered
/// by SK from prompts/narration/*.prompt (every record-derived value redacted and delimited as data by
/// <see cref="PromptRedactionFilter"/>), SK's automatic function calling over the agent's allow-listed read-only tool
/// plugins, and the kernel's filters for the audit, refusals, the round cap and the sweep's token budget.
/// The model answers in placeholder form; the product renders the values (issue 15). Any model failure yields no text
/// and a reason, and the narration service then uses the template: a sweep never fails because the model did.
/// </summary>
public sealed class ModelNarrator : INarrator
{
    private readonly Microsoft.SemanticKernel.Kernel _kernel;
    private readonly ToolPlugins _plugins;
    private readonly ModelOptions _options;
    private readonly KernelFunction _narrate;

    public ModelNarrator(Microsoft.SemanticKernel.Kernel kernel, PromptLibrary prompts, ToolPlugins plugins, ModelOptions options)
    {
        _kernel = kernel;
        _plugins = plugins;
        _options = options;
        var system = prompts.Get("narration/system");
        var explain = prompts.Get("narration/explain");
        _narrate = prompts.Chat("narrate", system, explain);
        PromptHash = system.Hash[..16] + explain.Hash[..16];
    }

    public string Id => $"model:{_options.Model}:{PromptHash}";

    public bool IsOffline => false;

    private string PromptHash { get; }

    public async Task<NarratorAnswer> NarrateAsync(NarrationSubject subject, NarrationScope scope, CancellationToken cancellationToken)
    {
        if (scope.Budget.Exhausted)
        {
            return new NarratorAnswer(null, 0, 0, PromptHash, "token budget of the sweep spent");
        }

        var plugins = _plugins.For(subject.Agent, _options.AllowedPlugins);
        var call = new KernelCall(subject.Agent, plugins.Select(p => p.Name).ToHashSet(StringComparer.Ordinal), scope.PluginAudit, scope.Budget, _options.MaxRounds);
        var conversation = _kernel.Clone();
        conversation.Plugins.AddRange(plugins);
        conversation.Data[KernelCall.DataKey] = call;
        try
        {
            var result = await conversation.InvokeAsync(_narrate, await ArgumentsAsync(subject, scope, cancellationToken), cancellationToken);
            var reply = result.GetValue<ChatMessageContent>();
            var text = reply is not null && TokenBudgetFilter.IsAnswer(reply) && call.StoppedBecause is null ? reply.Content?.Trim() : null;
            return new NarratorAnswer(string.IsNullOrWhiteSpace(text) ? null : text, call.InputTokens, call.OutputTokens, PromptHash,
                call.StoppedBecause ?? (string.IsNullOrWhiteSpace(text) ? "the model answered with no text" : null), call.RenderedPromptHash);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ModelResilience.IsUnavailable(ex))
        {
            return new NarratorAnswer(null, call.InputTokens, call.OutputTokens, PromptHash, ModelResilience.Describe(ex), call.RenderedPromptHash);
        }
    }

    private async Task<KernelArguments> ArgumentsAsync(NarrationSubject subject, NarrationScope scope, CancellationToken cancellationToken)
    {
        var slots = subject.Slots;
        var settings = new OpenAIPromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(options: new FunctionChoiceBehaviorOptions { AllowConcurrentInvocation = false }),
            MaxTokens = _options.MaxOutputTokens,
            Temperature = 0,
        };
        return new KernelArguments(settings)
        {
            ["agent"] = subject.Agent,
            ["kind"] = subject.Kind,
            ["title"] = slots.Title,
            ["figures"] = string.Join("\n", slots.All.Where(s => s.IsFigure).Select(s => $"{{{s.Placeholder}}} = {s.Rendered} ({s.Unit})")),
            ["facts"] = string.Join("\n", slots.All.Where(s => !s.IsFigure).Select(s => $"{{{s.Placeholder}}} = {s.Rendered}")),
            ["key"] = string.Join(", ", slots.KeyFigures.Select(k => $"{{{k}}}")),
            ["template"] = slots.Template,
            ["memory"] = await MemoryAsync(subject, scope, cancellationToken),
        };
    }

    /// <summary>How similar past findings were resolved, as data for the model (DESIGN.md section 5).</summary>
    private static async Task<string> MemoryAsync(NarrationSubject subject, NarrationScope scope, CancellationToken cancellationToken)
    {
        if (scope.Memory is null)
        {
            return "";
        }

        var matches = await scope.Memory.SearchAsync(subject.Title, Domain.Memory.MemoryKinds.Resolution, 3, cancellationToken);
        return string.Join("\n", matches.Where(m => m.Score > 0.3).Select(m => m.Item.Text.ToString(CultureInfo.InvariantCulture)));
    }
}
