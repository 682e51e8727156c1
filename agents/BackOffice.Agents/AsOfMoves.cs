using BackOffice.Kernel.Abstractions.Agents;

namespace BackOffice.Agents;

/// <summary>Issue 18: the as-of move an agent may take a shortcut on.</summary>
internal static class AsOfMoves
{
    /// <summary>
    /// The move to a later date when no journal row written since the stored findings is in a table the agent reads
    /// (columns taken as all, since the journal entries carry none); null: recompute fully.
    /// </summary>
    public static AsOfMove? WithNothingRead(IAgent agent, SweepContext context) =>
        context.Moved is { } moved && !moved.Changes.Any(e => AgentTables.Reads(agent, e.Table, null)) ? moved : null;
}
