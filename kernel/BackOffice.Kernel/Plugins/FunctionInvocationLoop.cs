using Microsoft.Extensions.AI;

namespace BackOffice.Kernel.Plugins;

/// <summary>What a conversation produced: the final text (null if it was cut off) and what it cost.</summary>
public sealed record LoopResult(string? Text, int Rounds, long InputTokens, long OutputTokens, string? StoppedBecause);

/// <summary>Tokens one sweep may still spend (issue 4: a cap on tokens per sweep), shared by every narration of the sweep.</summary>
public sealed class TokenBudget(long limit)
{
    public long Limit { get; } = limit;

    public long InputTokens { get; private set; }

    public long OutputTokens { get; private set; }

    public bool Exhausted => InputTokens + OutputTokens >= Limit;

    public void Spend(UsageDetails? usage)
    {
        InputTokens += usage?.InputTokenCount ?? 0;
        OutputTokens += usage?.OutputTokenCount ?? 0;
    }
}

/// <summary>
/// The function-invocation loop (issue 4; Microsoft.Extensions.AI's FunctionInvokingChatClient is not in the
/// registry): send, run each tool call the model asks for through the filters, send the results back, until the
/// model answers in text, the round cap is hit, or the sweep's token budget is spent.
/// </summary>
public sealed class FunctionInvocationLoop(PluginRegistry registry, IReadOnlyList<IFunctionFilter> filters, int maxRounds)
{
    public async Task<LoopResult> RunAsync(
        IChatClient client, List<ChatMessage> messages, string agent, IReadOnlyList<AIFunction> tools, ChatOptions baseOptions,
        TokenBudget budget, CancellationToken cancellationToken)
    {
        var options = baseOptions.Clone();
        options.Tools = tools.Cast<AITool>().ToList();
        long inputTokens = 0, outputTokens = 0;
        for (var round = 1; round <= maxRounds; round++)
        {
            if (budget.Exhausted)
            {
                return new LoopResult(null, round - 1, inputTokens, outputTokens, "token budget of the sweep spent");
            }

            var response = await client.GetResponseAsync(messages, options, cancellationToken);
            budget.Spend(response.Usage);
            inputTokens += response.Usage?.InputTokenCount ?? 0;
            outputTokens += response.Usage?.OutputTokenCount ?? 0;
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count == 0)
            {
                return new LoopResult(response.Text.Trim(), round, inputTokens, outputTokens, null);
            }

            messages.AddRange(response.Messages);
            foreach (var call in calls)
            {
                var context = new FunctionCallContext(agent, call);
                var result = await InvokeAsync(context, 0, cancellationToken);
                var answer = context.RefusedBecause is { } reason ? $"refused: {reason}" : result;
                messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, answer)]));
            }
        }

        return new LoopResult(null, maxRounds, inputTokens, outputTokens, $"still calling tools after {maxRounds} rounds");
    }

    private Task<object?> InvokeAsync(FunctionCallContext context, int index, CancellationToken cancellationToken) =>
        index < filters.Count
            ? filters[index].InvokeAsync(context, c => InvokeAsync(c, index + 1, cancellationToken), cancellationToken)
            : CallAsync(context, cancellationToken);

    private async Task<object?> CallAsync(FunctionCallContext context, CancellationToken cancellationToken)
    {
        if (registry.Find(context.Function) is not { } function)
        {
            context.RefusedBecause = $"there is no function {context.Function}";
            return null;
        }

        if (context.Call.Exception is not null)
        {
            context.RefusedBecause = "the arguments were not valid JSON";
            return null;
        }

        try
        {
            return await function.InvokeAsync(new AIFunctionArguments(context.Call.Arguments), cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            // A model that passes arguments of the wrong shape gets the reason back, as any tool caller would.
            return $"error: {ex.Message}";
        }
    }
}
