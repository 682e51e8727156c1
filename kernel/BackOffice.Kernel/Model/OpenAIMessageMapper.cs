using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;
using AIFinish = Microsoft.Extensions.AI.ChatFinishReason;
using OpenAIFinish = OpenAI.Chat.ChatFinishReason;

namespace BackOffice.Kernel.Model;

/// <summary>Translates between Microsoft.Extensions.AI messages and the OpenAI SDK's chat-completions types (issue 4).</summary>
internal static class OpenAIMessageMapper
{
    public static OpenAIChatMessage ToOpenAI(AIChatMessage message)
    {
        if (message.Role == ChatRole.System)
        {
            return new SystemChatMessage(message.Text);
        }

        if (message.Role == ChatRole.Tool)
        {
            var result = message.Contents.OfType<FunctionResultContent>().Single();
            return new ToolChatMessage(result.CallId, result.Result as string ?? JsonSerializer.Serialize(result.Result, AIJsonUtilities.DefaultOptions));
        }

        if (message.Role == ChatRole.Assistant)
        {
            var calls = message.Contents.OfType<FunctionCallContent>().ToList();
            return calls.Count == 0
                ? new AssistantChatMessage(message.Text)
                : new AssistantChatMessage(calls.Select(c => ChatToolCall.CreateFunctionToolCall(
                    c.CallId, c.Name, BinaryData.FromString(JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions)))));
        }

        return new UserChatMessage(message.Text);
    }

    public static ChatCompletionOptions ToOptions(ChatOptions? options)
    {
        var result = new ChatCompletionOptions { MaxOutputTokenCount = options?.MaxOutputTokens, Temperature = options?.Temperature };
        foreach (var function in options?.Tools?.OfType<AIFunctionDeclaration>() ?? [])
        {
            result.Tools.Add(ChatTool.CreateFunctionTool(function.Name, function.Description, BinaryData.FromString(function.JsonSchema.GetRawText())));
        }

        return result;
    }

    public static ChatResponse ToResponse(ChatCompletion completion)
    {
        var contents = new List<AIContent>();
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }

        contents.AddRange(completion.ToolCalls.Select(ToCall));
        return new ChatResponse(new AIChatMessage(ChatRole.Assistant, contents))
        {
            ModelId = completion.Model,
            ResponseId = completion.Id,
            FinishReason = completion.FinishReason == OpenAIFinish.ToolCalls ? AIFinish.ToolCalls : AIFinish.Stop,
            Usage = completion.Usage is null ? null : new UsageDetails
            {
                InputTokenCount = completion.Usage.InputTokenCount,
                OutputTokenCount = completion.Usage.OutputTokenCount,
                TotalTokenCount = completion.Usage.TotalTokenCount,
            },
        };
    }

    private static FunctionCallContent ToCall(ChatToolCall call)
    {
        try
        {
            var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(call.FunctionArguments.ToString(), AIJsonUtilities.DefaultOptions);
            return new FunctionCallContent(call.Id, call.FunctionName, arguments);
        }
        catch (JsonException ex)
        {
            return new FunctionCallContent(call.Id, call.FunctionName) { Exception = ex };
        }
    }
}
