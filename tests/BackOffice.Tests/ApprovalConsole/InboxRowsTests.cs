using BackOffice.Host.ApprovalConsole;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>Issue 17: how long a proposal has waited, as the inbox's card shows it, in the largest whole unit.</summary>
public sealed class InboxRowsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-28T11:59:01.000Z", "just now")]
    [InlineData("2026-11-28T11:59:00.000Z", "1 min")]
    [InlineData("2026-11-28T11:00:01.000Z", "59 min")]
    [InlineData("2026-11-28T11:00:00.000Z", "1 h")]
    [InlineData("2026-11-27T12:00:01.000Z", "23 h")]
    [InlineData("2026-11-27T12:00:00.000Z", "1 day")]
    [InlineData("2026-11-25T11:00:00.000Z", "3 days")]
    [InlineData("not a time", "")]
    public void Age_Waited_InTheLargestWholeUnit(string proposedAt, string expected) =>
        Assert.Equal(expected, InboxRows.Age(proposedAt, Now));
}
