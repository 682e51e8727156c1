using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;

namespace BackOffice.Tests.Gate;

/// <summary>
/// Issue 19: limits per department and role apply to the amount as edited. An edit may not raise an amount past the
/// editor's own limit; an approver approves only what is within theirs. Finance here: lead 20,000, admin unlimited.
/// </summary>
public sealed class GateAmountLimitTests : IDisposable
{
    private static readonly Actor FinanceAdmin = new("controller@acme", Role.Admin, "finance");
    private static readonly Actor FinanceAdmin2 = new("cfo@acme", Role.Admin, "finance");
    private readonly GateFixture _f = new(new Dictionary<string, IDictionary<string, decimal>>
    {
        ["finance"] = new Dictionary<string, decimal> { ["lead"] = 20_000m },
    });

    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _f.Dispose();

    private async Task<long> SubmitAsync(string amount = "1234.50")
    {
        await _f.SeedAsync();
        return await _f.SubmitAsync(GateFixture.BillDraft(amount: amount) with { EditableFields = ["due_date", "memo", "lines"] });
    }

    private static JsonObject Lines(string amount) => new()
    {
        ["lines"] = new JsonArray(new JsonObject
        {
            ["account_id"] = "a-5000", ["customer_id"] = "c-1", ["cost_code"] = "03-300", ["description"] = "Footings", ["amount"] = amount,
        }),
    };

    [Fact]
    public async Task Edit_RaisingTheAmountAboveTheEditorsLimit_RefusedAndNothingStored()
    {
        var id = await SubmitAsync();
        var before = (await _f.Gate.GetAsync(_f.Path, id, _ct)).PayloadJson;

        var refused = await Assert.ThrowsAsync<GateRefusedException>(() => _f.Gate.EditAsync(_f.Path, GateFixture.Lead, id, Lines("20000.01"), _ct));

        Assert.Equal("$20,000.01 is above the lead limit of $20,000.00 in finance; lead@acme may not set it: a role with a higher limit must.", refused.Message);
        Assert.Equal(before, (await _f.Gate.GetAsync(_f.Path, id, _ct)).PayloadJson);
    }

    [Fact]
    public async Task Edit_ToExactlyTheLimit_AllowedAndAnotherLeadApproves()
    {
        var id = await SubmitAsync();
        await _f.Gate.EditAsync(_f.Path, GateFixture.OtherLead, id, Lines("20000.00"), _ct);

        var approved = await _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, _ct);

        Assert.Equal(ProposalStates.Approved, approved.State);
    }

    [Fact]
    public async Task Approve_AnAdminRaisedTheAmountAboveTheLeadsLimit_LeadRefusedSecondAdminApproves()
    {
        var id = await SubmitAsync();
        await _f.Gate.EditAsync(_f.Path, FinanceAdmin, id, Lines("250000.00"), _ct);

        var refused = await Assert.ThrowsAsync<GateRefusedException>(() => _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, _ct));
        await Assert.ThrowsAsync<GateRefusedException>(() => _f.Gate.ApproveAsync(_f.Path, FinanceAdmin, id, _ct));
        var approved = await _f.Gate.ApproveAsync(_f.Path, FinanceAdmin2, id, _ct);

        Assert.Contains("$250,000.00 is above the lead limit of $20,000.00 in finance; lead@acme may not approve it", refused.Message);
        Assert.Equal(ProposalStates.Approved, approved.State);
    }

    [Fact]
    public async Task Approve_DraftedAboveTheLeadsLimit_Refused()
    {
        var id = await SubmitAsync("30000.00");

        await Assert.ThrowsAsync<GateRefusedException>(() => _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, _ct));
    }

    [Theory]
    [InlineData("19999.99", RiskClass.Money, true)]
    [InlineData("20000.00", RiskClass.Money, true)]
    [InlineData("20000.01", RiskClass.Money, false)]
    [InlineData("-20000.01", RiskClass.Money, false)]
    [InlineData("20000.01", RiskClass.Legal, true)]
    public void WithinLimit_Boundaries_AtTheLimitAllowedACentAboveRefused(string amount, RiskClass risk, bool allowed)
    {
        var facts = new ProposalFacts(risk, "financial", "finance", "agent:financial", LimitFor: role => role == "lead" ? 20_000m : null);

        Assert.Equal(allowed, GatePolicy.WithinLimit(GateFixture.Lead, facts, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "approve").Allowed);
        Assert.True(GatePolicy.WithinLimit(FinanceAdmin, facts, 1_000_000m, "approve").Allowed);
    }
}
