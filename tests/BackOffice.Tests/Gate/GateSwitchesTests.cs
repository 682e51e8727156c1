using BackOffice.Kernel.Gate;

namespace BackOffice.Tests.Gate;

public sealed class GateSwitchesTests : IDisposable
{
    private readonly GateFixture _f = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Get_FreshTenant_AllOffAndAdvisory()
    {
        await _f.SeedAsync();
        Assert.False(await _f.Switches.GetMasterAsync(_f.Path, _ct));
        Assert.Equal(new AgentSwitches("financial", false, AgentMode.Advisory), await _f.Switches.GetAgentAsync(_f.Path, "financial", _ct));
    }

    [Fact]
    public async Task Set_ByLead_RefusedAndUnchanged()
    {
        await _f.SeedAsync();
        await Assert.ThrowsAsync<GateRefusedException>(() => _f.Switches.SetMasterAsync(_f.Path, GateFixture.Lead, true, _ct));
        await Assert.ThrowsAsync<GateRefusedException>(() => _f.Switches.SetAgentWritesAsync(_f.Path, GateFixture.Agent, "financial", true, _ct));
        Assert.False(await _f.Switches.GetMasterAsync(_f.Path, _ct));
        Assert.False((await _f.Switches.GetAgentAsync(_f.Path, "financial", _ct)).WritesEnabled);
    }

    [Fact]
    public async Task Set_ByAdmin_AppliesAndAuditsBeforeAndAfter()
    {
        await _f.SeedAsync();
        await _f.Switches.SetMasterAsync(_f.Path, GateFixture.Admin, true, _ct);
        await _f.Switches.SetAgentModeAsync(_f.Path, GateFixture.Admin, "financial", AgentMode.Auto, _ct);
        Assert.True(await _f.Switches.GetMasterAsync(_f.Path, _ct));
        Assert.Equal(new AgentSwitches("financial", false, AgentMode.Auto), await _f.Switches.GetAgentAsync(_f.Path, "financial", _ct));
        var toggles = (await _f.AuditEventsAsync()).Where(e => e.Kind == "switch.toggled").Select(e => e.DataJson).ToList();
        Assert.Equal(
            [
                """{"after":"on","before":"off","switch":"master"}""",
                """{"after":"auto","before":"advisory","switch":"agent:financial:mode"}""",
            ],
            toggles);
    }
}
