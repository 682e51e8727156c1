using Microsoft.SemanticKernel;

namespace BackOffice.Kernel.Plugins;

/// <summary>
/// Refuses any plugin function not declared <see cref="Domain.Tools.ToolAccess.Read"/> (issue 15: by its declared
/// capability, not by a name pattern): writes happen only through proposals a person approves (rule 2). Functions
/// outside plugins (the narration prompt itself) are not tools and pass.
/// </summary>
public sealed class WriteRefusalFilter : IFunctionInvocationFilter
{
    public const string Reason = "writes are refused: changes happen only through proposals a person approves";

    public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        if (context.Function.PluginName is not null && !ToolPlugins.IsReadOnly(context.Function))
        {
            Refusal.Refuse(context, Reason);
            return Task.CompletedTask;
        }

        return next(context);
    }
}

/// <summary>
/// Refuses a plugin function outside the conversation's allow-list (issue 4): the narrator's kernel holds only its
/// agent's plugins, so this is the second lock, and it also refuses tools invoked outside any conversation.
/// </summary>
public sealed class AllowListFilter : IFunctionInvocationFilter
{
    public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        if (context.Function.PluginName is { } plugin && KernelCall.Of(context.Kernel) is var call
            && (call is null || !call.AllowedPlugins.Contains(plugin)))
        {
            Refusal.Refuse(context, $"{plugin}-{context.Function.Name} is not on the {call?.Agent ?? "(no)"} agent's allow-list");
            return Task.CompletedTask;
        }

        return next(context);
    }
}

/// <summary>How a filter refuses: the model receives "refused: reason" as the result, and the audit reads the reason.</summary>
public static class Refusal
{
    public const string MetadataKey = "backoffice.refusedBecause";

    public static void Refuse(FunctionInvocationContext context, string reason) =>
        context.Result = new FunctionResult(context.Function, $"refused: {reason}", metadata: new Dictionary<string, object?> { [MetadataKey] = reason });

    public static string? ReasonOf(FunctionResult? result) =>
        result?.Metadata is { } metadata && metadata.TryGetValue(MetadataKey, out var reason) ? reason as string : null;
}
