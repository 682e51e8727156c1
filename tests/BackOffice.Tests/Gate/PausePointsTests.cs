using BackOffice.Kernel.Gate;

namespace BackOffice.Tests.Gate;

/// <summary>Issue 18: which executions BACKOFFICE_PAUSE_AT stops (ServeProcessesTests kills a host paused there).</summary>
public sealed class PausePointsTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("execute: target answered", true)]
    [InlineData("execute: target answered@proposal:12", true)]
    [InlineData("execute: target answered@proposal:1", false)]
    [InlineData("execute: target answered@proposal:123", false)]
    [InlineData("execute: claimed", false)]
    [InlineData("EXECUTE: TARGET ANSWERED", false)]
    public void Matches_SettingAgainstPointAndSubject_OnlyThePointAloneOrWithThisSubject(string? setting, bool expected) =>
        Assert.Equal(expected, PausePoints.Matches(setting, PausePoints.TargetAnswered, "proposal:12"));
}
