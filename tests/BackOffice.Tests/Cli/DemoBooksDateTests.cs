using BackOffice.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Tests.Cli;

/// <summary>
/// Issue 17: the demo reads its sample books as of the sample's own date (bundle.json exported_at, 2026-11-15), not
/// today's clock, so aging and due dates read as the README says on any day; live books read as of today.
/// </summary>
public sealed class DemoBooksDateTests : IDisposable
{
    private static readonly DateTimeOffset FarFuture = new(2031, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public DemoBooksDateTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task DefaultAsOf_FarFutureClock_IsTheClockUntilPinnedThenThePinnedDate()
    {
        await _cli.OkAsync("tenant", "create", "live");
        var books = _temp.Tenant("live", new FakeTimeProvider(FarFuture)).BooksDate;

        Assert.Null(await books.PinnedAsync(CancellationToken.None));
        Assert.Equal(new DateOnly(2031, 6, 1), await books.DefaultAsOfAsync(CancellationToken.None));

        await books.PinAsync(new DateOnly(2026, 11, 15), "test", CancellationToken.None);
        Assert.Equal(new DateOnly(2026, 11, 15), await books.DefaultAsOfAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Demo_FarFutureClock_ReadsAsOfTheSampleDate()
    {
        await _cli.OkAsync("demo");

        var pinned = await _temp.Tenant("demo", new FakeTimeProvider(FarFuture)).BooksDate.DefaultAsOfAsync(CancellationToken.None);
        Assert.Equal(new DateOnly(2026, 11, 15), pinned);
    }

    [Theory]
    [InlineData("aging")]
    [InlineData("collections-queue")]
    public async Task Report_DemoWithNoAsOf_SameAsTheSampleDateNotAFarDate(string report)
    {
        await _cli.OkAsync("demo");

        var byDefault = (await _cli.OkAsync("report", report, "--tenant", "demo", "--json")).Out;
        var sampleDate = (await _cli.OkAsync("report", report, "--tenant", "demo", "--as-of", "2026-11-15", "--json")).Out;
        var farDate = (await _cli.OkAsync("report", report, "--tenant", "demo", "--as-of", "2031-06-01", "--json")).Out;

        Assert.Equal(sampleDate, byDefault);
        // The sample's receivables age by 2031, so a report on today's clock would not read as the README says.
        Assert.NotEqual(farDate, byDefault);
    }

    [Fact]
    public async Task Demo_AsOfGiven_PinsThatDate()
    {
        await _cli.OkAsync("demo", "--as-of", "2026-12-01");

        var pinned = await _temp.Tenant("demo").BooksDate.PinnedAsync(CancellationToken.None);
        Assert.Equal(new DateOnly(2026, 12, 1), pinned);
        var events = (await _cli.OkAsync("audit", "list", "--tenant", "demo", "--subject", "books-date", "--json")).Json.AsArray();
        var pin = Assert.Single(events)!;
        Assert.Equal(("books.date-pinned", "2026-12-01"), ((string?)pin["kind"], (string?)pin["data"]?["asOf"]));
    }
}
