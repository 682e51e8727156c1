using Microsoft.SemanticKernel;

namespace BackOffice.Kernel.Plugins;

/// <summary>Tokens one sweep may still spend (issue 4: a cap on tokens per sweep), shared by every narration of the sweep.</summary>
public sealed class TokenBudget(long limit)
{
    public long Limit { get; } = limit;

    public long InputTokens { get; private set; }

    public long OutputTokens { get; private set; }

    public bool Exhausted => InputTokens + OutputTokens >= Limit;

    public void Spend(long input, long output)
    {
        InputTokens += input;
        OutputTokens += output;
    }

    /// <summary>The usage the OpenAI connector reports in a reply's metadata ("Usage"), as (input, output) tokens.</summary>
    public static (long Input, long Output) UsageOf(ChatMessageContent message) =>
        message.Metadata is { } metadata && metadata.TryGetValue("Usage", out var usage) && usage is OpenAI.Chat.ChatTokenUsage tokens
            ? (tokens.InputTokenCount, tokens.OutputTokenCount)
            : (0, 0);
}
