using BackOffice.Kernel.Plugins;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace BackOffice.Kernel.Model;

/// <summary>
/// The kernel's chat service: SK's OpenAI connector, plus what SK's filters cannot see (issue 15). A tool call to a
/// function the kernel does not hold (a write the model invented, another agent's tool) never reaches SK's filters,
/// so when a conversation ends every call in it that was not audited is recorded as refused; and the final reply's
/// tokens are spent against the sweep's budget (tool-call replies are spent by <see cref="TokenBudgetFilter"/>).
/// </summary>
public sealed class AuditedChatCompletionService(IChatCompletionService inner) : IChatCompletionService
{
    public IReadOnlyDictionary<string, object?> Attributes => inner.Attributes;

    public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Microsoft.SemanticKernel.Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        var call = kernel is null ? null : KernelCall.Of(kernel);
        var start = chatHistory.Count;
        try
        {
            var replies = await inner.GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken);
            foreach (var reply in replies.Where(TokenBudgetFilter.IsAnswer))
            {
                call?.Spend(reply);
            }

            return replies;
        }
        finally
        {
            if (call is not null)
            {
                await AuditUnknownCallsAsync(call, chatHistory.Skip(start), cancellationToken);
            }
        }
    }

    public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Microsoft.SemanticKernel.Kernel? kernel = null, CancellationToken cancellationToken = default) =>
        // Narration and questions need whole texts (the guard checks the complete narrative); nothing streams.
        throw new NotSupportedException("The back office does not stream model replies.");

    private static async Task AuditUnknownCallsAsync(KernelCall call, IEnumerable<ChatMessageContent> messages, CancellationToken cancellationToken)
    {
        foreach (var request in messages.SelectMany(m => m.Items.OfType<FunctionCallContent>()).ToList())
        {
            if (call.MarkAudited(request.Id ?? ""))
            {
                var name = request.PluginName is null ? request.FunctionName : $"{request.PluginName}-{request.FunctionName}";
                await call.Audit.RecordAsync(new PluginCallRecord(call.Agent, name, ToolCallAuditFilter.ArgumentsJson(request.Arguments), 0,
                    $"there is no function {name} the {call.Agent} agent may call"), cancellationToken);
            }
        }
    }
}
