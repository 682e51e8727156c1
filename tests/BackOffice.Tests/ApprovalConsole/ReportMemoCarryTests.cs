using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: a memo passes on, as the base a report refreshes per key from, the latest value of each kind made under an
/// earlier stamp, not only what the stamp just before made: a Workforce report viewed after a Financial one, each after
/// its own write, still finds the Workforce data of two stamps ago.
/// </summary>
public sealed class ReportMemoCarryTests
{
    [Fact]
    public async Task Base_KindMadeTwoStampsAgo_IsCarriedButIsNotTheStampsOwnValue()
    {
        var first = ReportMemo.After(null);
        await first.GetOrAddAsync("financial", () => Task.FromResult("analysis of stamp 1"));
        var second = ReportMemo.After(first);
        await second.GetOrAddAsync("workforce", () => Task.FromResult("workforce of stamp 2"));
        var third = ReportMemo.After(second);

        Assert.Same(second, third.Previous);
        Assert.Equal("analysis of stamp 1", third.Previous!.Base<string>("financial"));
        Assert.Equal("workforce of stamp 2", third.Previous.Base<string>("workforce"));
        // The carried value is a base only: stamp 2's own reports never take stamp 1's analysis as theirs.
        Assert.Null(third.Previous.Completed<string>("financial"));
        Assert.Null(second.Previous);
    }

    [Fact]
    public async Task Base_KindMadeAgain_TheNewerValueIsTheBase()
    {
        var first = ReportMemo.After(null);
        await first.GetOrAddAsync("financial", () => Task.FromResult("analysis of stamp 1"));
        var second = ReportMemo.After(first);
        await second.GetOrAddAsync("financial", () => Task.FromResult("analysis of stamp 2"));
        var third = ReportMemo.After(second);
        Assert.Equal("analysis of stamp 2", third.Previous!.Base<string>("financial"));
        var fourth = ReportMemo.After(third);

        // Through a stamp whose memo made nothing of that kind, the latest value still comes along.
        Assert.Equal("analysis of stamp 2", fourth.Previous!.Base<string>("financial"));
    }
}
