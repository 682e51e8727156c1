using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Sweeps;

namespace BackOffice.Kernel.Gate;

public sealed partial class ProposalGate
{
    /// <summary>
    /// Issue 17: the gate says what an execution or undo changed. When the executor's writes are all tracked (the change
    /// journal names them, or a counted side table's version moves, <see cref="IActionExecutor.WritesTracked"/>), its audit
    /// events carry <see cref="TrackedExecutions.Field"/>, so the Financial reports refresh what the journal names instead
    /// of reading the whole books for the event itself. <paramref name="executor"/> null: nothing was written (a refusal).
    /// </summary>
    private static JsonObject Tracked(JsonObject data, IActionExecutor? executor)
    {
        if (executor is null || executor.WritesTracked)
        {
            data[TrackedExecutions.Field] = true;
        }

        return data;
    }
}
