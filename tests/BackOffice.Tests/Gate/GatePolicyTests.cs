using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;

namespace BackOffice.Tests.Gate;

public sealed class GatePolicyTests
{
    private static Actor Make(string who) => who switch
    {
        "agent" => Actor.Agent("financial"),
        "auto" => Actor.AutoPolicy,
        "system" => Actor.System,
        "viewer" => new Actor("viewer@acme", Role.Viewer, "finance"),
        "approver" => new Actor("approver@acme", Role.Approver, "finance"),
        "lead-finance" => new Actor("lead@acme", Role.Lead, "finance"),
        "lead-ops" => new Actor("ops@acme", Role.Lead, "operations"),
        "admin" => new Actor("admin@acme", Role.Admin, null),
        "admin-finance" => new Actor("cfo@acme", Role.Admin, "finance"),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    [Theory]
    [InlineData("agent", RiskClass.Routine, "agent:other", false)]
    [InlineData("system", RiskClass.Routine, "agent:financial", false)]
    [InlineData("viewer", RiskClass.Routine, "agent:financial", false)]
    [InlineData("approver", RiskClass.Routine, "agent:financial", true)]
    [InlineData("approver", RiskClass.Routine, "approver@acme", false)]
    [InlineData("approver", RiskClass.Money, "agent:financial", false)]
    [InlineData("approver", RiskClass.Legal, "agent:financial", false)]
    [InlineData("lead-finance", RiskClass.Money, "agent:financial", true)]
    [InlineData("lead-finance", RiskClass.Legal, "agent:financial", true)]
    [InlineData("lead-finance", RiskClass.Money, "lead@acme", false)]
    [InlineData("lead-ops", RiskClass.Money, "agent:financial", false)]
    [InlineData("lead-ops", RiskClass.Routine, "agent:financial", true)]
    [InlineData("admin", RiskClass.Money, "agent:financial", false)]
    [InlineData("admin", RiskClass.Routine, "agent:financial", true)]
    [InlineData("admin-finance", RiskClass.Money, "agent:financial", true)]
    [InlineData("auto", RiskClass.Routine, "agent:financial", true)]
    [InlineData("auto", RiskClass.Money, "agent:financial", false)]
    [InlineData("auto", RiskClass.Legal, "agent:financial", false)]
    public void CanApprove_Table_MatchesRules(string who, RiskClass risk, string proposedBy, bool allowed)
    {
        var verdict = GatePolicy.CanApprove(Make(who), new ProposalFacts(risk, "financial", "finance", proposedBy));
        Assert.True(allowed == verdict.Allowed, verdict.Reason);
    }

    [Theory]
    [InlineData("agent", RiskClass.Routine, false)]
    [InlineData("viewer", RiskClass.Routine, false)]
    [InlineData("approver", RiskClass.Routine, true)]
    [InlineData("approver", RiskClass.Money, false)]
    [InlineData("lead-finance", RiskClass.Money, true)]
    [InlineData("lead-ops", RiskClass.Legal, false)]
    [InlineData("admin", RiskClass.Money, false)]
    public void CanAct_ExecuteTable_MatchesRules(string who, RiskClass risk, bool allowed)
    {
        var actor = Make(who);
        // The proposer rule does not apply to execute and undo: the proposer here is the actor itself.
        var verdict = GatePolicy.CanAct(actor, new ProposalFacts(risk, "financial", "finance", actor.Name), "execute");
        Assert.True(allowed == verdict.Allowed, verdict.Reason);
    }

    [Fact]
    public void CanAct_MoneyForAgentWithoutDepartment_Refused()
    {
        var verdict = GatePolicy.CanAct(Make("lead-finance"), new ProposalFacts(RiskClass.Money, "pricebook", null, "agent:pricebook"), "approve");
        Assert.False(verdict.Allowed);
        Assert.Contains("No department", verdict.Reason);
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("admin-finance", true)]
    [InlineData("lead-finance", false)]
    [InlineData("approver", false)]
    [InlineData("agent", false)]
    [InlineData("auto", false)]
    public void CanToggleSwitches_Table_OnlyAdmins(string who, bool allowed) =>
        Assert.Equal(allowed, GatePolicy.CanToggleSwitches(Make(who)).Allowed);
}
