using System.Text.Json.Nodes;
using BackOffice.Store.Proposals;

namespace BackOffice.Host.Cli;

/// <summary>
/// Issue 19: an edited proposal is shown as a diff against what the agent proposed, field by field, with who edited it
/// and who changed its amount (that person may not approve it).
/// </summary>
public static class ProposalDiff
{
    /// <summary>Null when nobody edited the proposal.</summary>
    public static JsonObject? Of(ProposalRow row)
    {
        if (row.OriginalJson is null)
        {
            return null;
        }

        var original = JsonNode.Parse(row.OriginalJson)!.AsObject();
        var agentPayload = original["payload"]!.AsObject();
        var payload = JsonNode.Parse(row.PayloadJson)!.AsObject();
        var changes = new JsonArray();
        foreach (var field in agentPayload.Select(p => p.Key).Union(payload.Select(p => p.Key)))
        {
            if (!JsonNode.DeepEquals(agentPayload[field], payload[field]))
            {
                changes.Add(new JsonObject { ["field"] = field, ["agent"] = agentPayload[field]?.DeepClone(), ["now"] = payload[field]?.DeepClone() });
            }
        }

        return new JsonObject
        {
            ["editedBy"] = row.EditedBy,
            ["editedAt"] = row.EditedAt,
            ["amountEditedBy"] = row.AmountEditedBy,
            ["agentTitle"] = original["title"]?.DeepClone(),
            ["agentFigures"] = original["figures"]?.DeepClone(),
            ["changes"] = changes,
        };
    }

    public static void Print(CliOutput output, JsonObject? diff)
    {
        if (diff is null)
        {
            return;
        }

        output.Line($"  Edited by {diff["editedBy"]} at {diff["editedAt"]}; the agent proposed: {diff["agentTitle"]}");
        if (diff["amountEditedBy"] is { } amountEditor)
        {
            output.Line($"  {amountEditor} changed the amount: a second person must approve it.");
        }

        foreach (var change in diff["changes"]!.AsArray())
        {
            output.Line($"    {change!["field"]}: {Text(change["agent"])} -> {Text(change["now"])}");
        }

        output.Line();
    }

    private static string Text(JsonNode? node) => node is null ? "(none)" : node.ToJsonString();
}
