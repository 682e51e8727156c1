using System.Security.Cryptography;
using System.Text;
using BackOffice.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace BackOffice.Kernel.Prompts;

/// <summary>
/// Runs around SK's rendering of every prompt function (issue 15). Before: each required variable must be given (a
/// missing one fails, never renders empty), and every value is redacted and wrapped as a delimited data block
/// (<see cref="PromptData"/>), so text from documents, vendor names and memos is data, never instructions. After: the
/// SHA-256 of the rendered prompt goes to the conversation (<see cref="KernelCall.RenderedPromptHash"/>) for the audit.
/// </summary>
public sealed class PromptRedactionFilter : IPromptRenderFilter
{
    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        var missing = context.Function.Metadata.Parameters.Where(p => p.IsRequired && !context.Arguments.ContainsName(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            throw new PromptTemplateException(context.Function.Name, $"is missing variables: {string.Join(", ", missing)}");
        }

        foreach (var name in context.Arguments.Names.ToList())
        {
            context.Arguments[name] = PromptData.Delimit(name, context.Arguments[name]?.ToString() ?? "");
        }

        await next(context);
        if (KernelCall.Of(context.Kernel) is { } call && context.RenderedPrompt is { } rendered)
        {
            call.RenderedPromptHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rendered)));
        }
    }
}
