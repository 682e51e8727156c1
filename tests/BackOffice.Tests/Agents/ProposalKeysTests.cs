using System.Text.Json.Nodes;
using BackOffice.Agents;

namespace BackOffice.Tests.Agents;

public sealed class ProposalKeysTests
{
    [Fact]
    public void For_SameFactsInAnotherPropertyOrder_GivesTheSameKey()
    {
        var a = ProposalKeys.For("fin-bill-", new JsonObject { ["vendor_id"] = "lv-1", ["amount"] = "16560.00" });
        var b = ProposalKeys.For("fin-bill-", new JsonObject { ["amount"] = "16560.00", ["vendor_id"] = "lv-1" });
        Assert.Equal(a, b);
        Assert.NotEqual(a, ProposalKeys.For("fin-bill-", new JsonObject { ["vendor_id"] = "lv-1", ["amount"] = "16560.01" }));
    }

    [Theory]
    [InlineData("fin-bill-")]
    [InlineData("col-msg-")]
    [InlineData("doc-file-")]
    public void For_AnyAgentPrefix_StaysWithinQuickBooksRequestIdLimit(string prefix)
    {
        var key = ProposalKeys.For(prefix, "inv-1036", "sms", "18750.00");
        Assert.StartsWith(prefix, key, StringComparison.Ordinal);
        Assert.InRange(key.Length, prefix.Length + 24, 50);
    }
}
