using System.Globalization;
using BackOffice.Kernel.Model;
using BackOffice.Kernel.Plugins;
using BackOffice.Kernel.Prompts;
using Microsoft.Extensions.AI;

namespace BackOffice.Kernel.Narration;

/// <summary>
/// Asks the model to explain a finding (issue 4). The prompt is rendered from prompts/narration/*.prompt with every
/// record-derived value as redacted, delimited data; the model may call only its agent's allowed read-only plugins.
/// The model is shown the item's placeholders and answers in placeholder form; the product renders the values (issue 15).
/// Any model failure (after retries, on timeout, circuit open, budget spent) yields no text and a reason, and the
/// narration service then uses the template: a sweep never fails because the model did.
/// </summary>
public sealed class ModelNarrator(IChatClient client, PromptLibrary prompts, PluginRegistry registry, ModelOptions options) : INarrator
{
    private readonly PromptTemplate _system = prompts.Get("narration/system");
    private readonly PromptTemplate _explain = prompts.Get("narration/explain");

    public string Id => $"model:{options.Model}:{PromptHash}";

    public bool IsOffline => false;

    private string PromptHash => _system.Hash[..16] + _explain.Hash[..16];

    public async Task<NarratorAnswer> NarrateAsync(NarrationSubject subject, NarrationScope scope, CancellationToken cancellationToken)
    {
        var slots = subject.Slots;
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, _system.Render(new Dictionary<string, string> { ["agent"] = subject.Agent }).Text),
            new(ChatRole.User, _explain.Render(new Dictionary<string, string>
            {
                ["kind"] = subject.Kind,
                ["title"] = slots.Title,
                ["figures"] = string.Join("\n", slots.All.Where(s => s.IsFigure).Select(s => $"{{{s.Placeholder}}} = {s.Rendered} ({s.Unit})")),
                ["facts"] = string.Join("\n", slots.All.Where(s => !s.IsFigure).Select(s => $"{{{s.Placeholder}}} = {s.Rendered}")),
                ["key"] = string.Join(", ", slots.KeyFigures.Select(k => $"{{{k}}}")),
                ["template"] = slots.Template,
                ["memory"] = await MemoryAsync(subject, scope, cancellationToken),
            }).Text),
        };
        var filters = new IFunctionFilter[] { new AuditFilter(scope.PluginAudit), new WriteRefusalFilter(), new AllowListFilter(options.AllowedPlugins) };
        var loop = new FunctionInvocationLoop(registry, filters, options.MaxRounds);
        try
        {
            var result = await loop.RunAsync(client, messages, subject.Agent, registry.AllowedFor(subject.Agent, options.AllowedPlugins),
                new ChatOptions { MaxOutputTokens = options.MaxOutputTokens, Temperature = 0 }, scope.Budget, cancellationToken);
            return new NarratorAnswer(string.IsNullOrWhiteSpace(result.Text) ? null : result.Text, result.InputTokens, result.OutputTokens, PromptHash,
                result.StoppedBecause ?? (string.IsNullOrWhiteSpace(result.Text) ? "the model answered with no text" : null));
        }
        catch (ModelUnavailableException ex)
        {
            return new NarratorAnswer(null, 0, 0, PromptHash, ex.Message);
        }
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
