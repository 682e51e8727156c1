using System.Text.Json;
using System.Text.RegularExpressions;
using BackOffice.Kernel.Narration;
using Microsoft.Extensions.AI;

namespace BackOffice.Kernel.Plugins;

/// <summary>One function call the model asked for, as the filters see it.</summary>
public sealed class FunctionCallContext(string agent, FunctionCallContent call)
{
    public string Agent { get; } = agent;

    public FunctionCallContent Call { get; } = call;

    public string Function => Call.Name;

    /// <summary>Set by the filter that refused the call; the model receives the reason instead of a result.</summary>
    public string? RefusedBecause { get; set; }
}

/// <summary>
/// A filter in Semantic Kernel's shape (STYLE.md): one method taking the call and <paramref name="next"/>; not calling
/// next refuses the call. Filters run in registration order, outermost first.
/// </summary>
public interface IFunctionFilter
{
    Task<object?> InvokeAsync(FunctionCallContext context, Func<FunctionCallContext, Task<object?>> next, CancellationToken cancellationToken);
}

/// <summary>Refuses any function whose name says it writes: writes only happen through proposals and the gate (DESIGN.md rule 2).</summary>
public sealed partial class WriteRefusalFilter : IFunctionFilter
{
    public Task<object?> InvokeAsync(FunctionCallContext context, Func<FunctionCallContext, Task<object?>> next, CancellationToken cancellationToken)
    {
        if (WriteVerb().IsMatch(context.Function))
        {
            context.RefusedBecause = "writes are refused: changes happen only through proposals a person approves";
            return Task.FromResult<object?>(null);
        }

        return next(context);
    }

    [GeneratedRegex(@"(?:^|_)(?:Create|Update|Delete|Insert|Post|Send|Approve|Execute|Write|Save|Pay|Void|Submit|Record|Remove|Undo|Set)", RegexOptions.IgnoreCase)]
    private static partial Regex WriteVerb();
}

/// <summary>Refuses functions outside the agent's allow-list, including names the registry does not know.</summary>
public sealed class AllowListFilter(IReadOnlyDictionary<string, string[]> allowLists) : IFunctionFilter
{
    public Task<object?> InvokeAsync(FunctionCallContext context, Func<FunctionCallContext, Task<object?>> next, CancellationToken cancellationToken)
    {
        if (!allowLists.TryGetValue(context.Agent, out var patterns) || !PluginRegistry.IsAllowed(context.Function, patterns))
        {
            context.RefusedBecause = $"{context.Function} is not on the {context.Agent} agent's allow-list";
            return Task.FromResult<object?>(null);
        }

        return next(context);
    }
}

/// <summary>Records every call, refused or not: agent, function, arguments (redacted) and result size (issue 4).</summary>
public sealed class AuditFilter(IPluginCallAudit audit) : IFunctionFilter
{
    public async Task<object?> InvokeAsync(FunctionCallContext context, Func<FunctionCallContext, Task<object?>> next, CancellationToken cancellationToken)
    {
        var result = await next(context);
        var arguments = Redactor.Redact(JsonSerializer.Serialize(context.Call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions));
        var size = result is null ? 0 : JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions).Length;
        await audit.RecordAsync(new PluginCallRecord(context.Agent, context.Function, arguments, size, context.RefusedBecause), cancellationToken);
        return result;
    }
}

/// <param name="ResultSize">Characters of the JSON result returned to the model (0 when refused).</param>
public sealed record PluginCallRecord(string Agent, string Function, string ArgumentsJson, int ResultSize, string? RefusedBecause);

public interface IPluginCallAudit
{
    Task RecordAsync(PluginCallRecord call, CancellationToken cancellationToken);
}
