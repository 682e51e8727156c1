using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Model;
using BackOffice.Kernel.Narration;
using BackOffice.Kernel.Plugins;
using BackOffice.Kernel.Prompts;
using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace BackOffice.Kernel.Ask;

/// <summary>
/// "Ask the back office" (issue 15), for the CLI and the console alike. A question asking for a change is answered
/// "propose it"; with no model, <see cref="QuestionDesk.Offline"/> names the reports. With a model, an SK chat with
/// automatic function calling over the reports (<see cref="ReportPlugins"/>, through the kernel's filters) answers in
/// placeholder form; <see cref="PlaceholderGuard"/> checks the answer against this conversation's tool results only and
/// the product renders every value. A rejected answer or a failed model falls back to the offline answer with the reason.
/// The question is audited (question.asked), each tool call too (plugin.called / plugin.refused).
/// </summary>
public sealed class QuestionAnswerer
{
    /// <summary>The agent name tool calls are audited under ("agent:ask").</summary>
    public const string Agent = "ask";

    private readonly Microsoft.SemanticKernel.Kernel _kernel;
    private readonly IReadOnlyList<IReport> _reports;
    private readonly ModelOptions _options;
    private readonly AuditStore _audit;
    private readonly KernelFunction _ask;

    public QuestionAnswerer(Microsoft.SemanticKernel.Kernel kernel, PromptLibrary prompts, IEnumerable<IReport> reports, IOptions<ModelOptions> options, AuditStore audit)
    {
        _kernel = kernel;
        _reports = reports.ToList();
        _options = options.Value;
        _audit = audit;
        _ask = prompts.Chat("ask", prompts.Get("ask/system"), prompts.Get("ask/question"));
    }

    public bool ModelConfigured => _options.Enabled;

    /// <summary>Answers <paramref name="question"/> on <paramref name="data"/>'s books as of <paramref name="asOf"/>; never writes but the audit.</summary>
    public async Task<AskAnswer> AskAsync(TenantData data, string question, DateOnly asOf, string actor, CancellationToken cancellationToken)
    {
        var answer = QuestionDesk.AsksForAChange(question) || !_options.Enabled
            ? QuestionDesk.Offline(question, _reports, data.Tenant)
            : await ModelAsync(data, question, asOf, cancellationToken);
        await _audit.AppendAloneAsync(data, actor, "question.asked", "question", new JsonObject
        {
            ["question"] = Redactor.Redact(question),
            ["answeredBy"] = answer.AnsweredBy,
            ["reports"] = new JsonArray(answer.Reports.Select(r => (JsonNode)r).ToArray()),
            ["cited"] = new JsonArray(answer.Cited.Select(c => (JsonNode)$"{c.Report}:{c.RowId}").ToArray()),
            ["refused"] = answer.Refused,
            ["fallbackReason"] = answer.FallbackReason,
        }, cancellationToken);
        return answer;
    }

    private async Task<AskAnswer> ModelAsync(TenantData data, string question, DateOnly asOf, CancellationToken cancellationToken)
    {
        var facts = new AnswerFacts();
        var conversation = _kernel.Clone();
        conversation.Plugins.Add(ReportPlugins.Create(_reports));
        var call = new KernelCall(Agent, new HashSet<string>([ReportPlugins.PluginName], StringComparer.Ordinal), new AuditPluginCalls(_audit, data),
            new TokenBudget(_options.MaxTokensPerSweep), _options.MaxRounds);
        conversation.Data[KernelCall.DataKey] = call;
        conversation.Data[AskScope.DataKey] = new AskScope(data, asOf, facts);
        string? text;
        try
        {
            var result = await conversation.InvokeAsync(_ask, Arguments(data.Tenant, question, asOf), cancellationToken);
            var reply = result.GetValue<ChatMessageContent>();
            text = reply is not null && TokenBudgetFilter.IsAnswer(reply) && call.StoppedBecause is null ? reply.Content?.Trim() : null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ModelResilience.IsUnavailable(ex))
        {
            return Fallback(question, data.Tenant, ModelResilience.Describe(ex), facts);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fallback(question, data.Tenant, call.StoppedBecause ?? "the model answered with no text", facts);
        }

        var slots = facts.Slots();
        var verdict = PlaceholderGuard.Check(text, slots);
        return verdict.Passed
            ? new AskAnswer(slots.Render(text), facts.Reports, Refused: false, AnsweredBy: "model", facts.CitationsFor(text))
            : Fallback(question, data.Tenant, "its answer wrote a figure the back office did not render: " + string.Join("; ", verdict.Violations.Take(3)), facts);
    }

    private AskAnswer Fallback(string question, string tenant, string reason, AnswerFacts facts)
    {
        var offline = QuestionDesk.Offline(question, _reports, tenant, reason);
        return offline with { Reports = [.. offline.Reports.Union(facts.Reports, StringComparer.Ordinal)] };
    }

    private KernelArguments Arguments(string tenant, string question, DateOnly asOf) =>
        new(new OpenAIPromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(options: new FunctionChoiceBehaviorOptions { AllowConcurrentInvocation = false }),
            MaxTokens = _options.MaxOutputTokens,
            Temperature = 0,
        })
        {
            ["tenant"] = tenant,
            ["as_of"] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["question"] = question,
        };
}
