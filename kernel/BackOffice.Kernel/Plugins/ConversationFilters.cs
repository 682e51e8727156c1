using System.Text.Json;
using BackOffice.Kernel.Narration;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace BackOffice.Kernel.Plugins;

/// <summary>
/// Records every tool call the model makes, refused or not (issue 4): agent, function, arguments (redacted) and result
/// size. Calls to functions the kernel does not hold never reach a filter in SK, so
/// <see cref="Model.AuditedChatCompletionService"/> records those from the conversation when it ends.
/// </summary>
public sealed class ToolCallAuditFilter : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        var call = KernelCall.Of(context.Kernel);
        string? error = null;
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or InvalidOperationException or FormatException or KernelException)
        {
            // A model that passes arguments of the wrong shape gets the reason back, as any tool caller would (SK sends it).
            error = $"error: {ex.Message}";
            throw;
        }
        finally
        {
            if (call is not null)
            {
                call.MarkAudited(context.ToolCallId ?? "");
                var value = context.Result.GetValue<object>();
                var refused = Refusal.ReasonOf(context.Result) ?? error;
                var size = refused is not null || value is null ? 0 : FunctionResultSize(value);
                await call.Audit.RecordAsync(new PluginCallRecord(call.Agent, $"{context.Function.PluginName}-{context.Function.Name}",
                    ArgumentsJson(context.Arguments), size, refused), context.CancellationToken);
            }
        }
    }

    public static string ArgumentsJson(IEnumerable<KeyValuePair<string, object?>>? arguments) =>
        Redactor.Redact(JsonSerializer.Serialize((arguments ?? []).ToDictionary(a => a.Key, a => a.Value?.ToString())));

    private static int FunctionResultSize(object value) => value is string text ? text.Length : JsonSerializer.Serialize(value).Length;
}

/// <summary>
/// The sweep's token budget and the round cap (issue 4), inside SK's automatic function calling: after the last tool
/// call of a model reply, the reply's tokens are spent, and when the budget is gone or the reply was the last round
/// allowed, the conversation stops (SK's Terminate) without asking the model again.
/// </summary>
public sealed class TokenBudgetFilter : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        await next(context);
        if (KernelCall.Of(context.Kernel) is not { } call || context.FunctionSequenceIndex < context.FunctionCount - 1)
        {
            return;
        }

        call.Spend(context.ChatMessageContent);
        if (call.Budget.Exhausted)
        {
            call.StoppedBecause = "token budget of the sweep spent";
        }
        else if (context.RequestSequenceIndex + 1 >= call.MaxRounds)
        {
            call.StoppedBecause = $"still calling tools after {call.MaxRounds} rounds";
        }

        context.Terminate = call.StoppedBecause is not null;
    }

    /// <summary>Whether a reply is the model's text answer (not a tool result SK returns when a filter terminated).</summary>
    public static bool IsAnswer(ChatMessageContent message) => message.Role == AuthorRole.Assistant;
}
