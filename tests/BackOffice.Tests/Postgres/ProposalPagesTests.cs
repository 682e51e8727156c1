using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: the API's inbox pages, sorted and cut in SQL on either engine. Six proposals whose order is written out
/// by hand: open before decided (proposed, approved, then rejected), money before routine within a state, then id.
/// </summary>
public sealed class ProposalPagesTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Ids 1-6: (risk, state). Expected inbox order: 1, 5 (proposed money), 2 (proposed routine), 3 (approved money), 6 (approved routine), 4 (rejected).</summary>
    private static readonly (string Risk, string State)[] Seed =
    [
        ("Money", "proposed"), ("Routine", "proposed"), ("Money", "approved"), ("Routine", "rejected"), ("Money", "proposed"), ("Routine", "approved"),
    ];

    [Theory]
    [StoreProviders]
    public async Task ReadAsync_PagesOfTwo_ConcatenateToTheInboxOrderWithoutOverlap(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = await SeedAsync(store.Source.For("acme"));

        var pages = await ReadAllAsync(tenant, new ProposalPageQuery(null, null, null, 2, null));

        Assert.Equal([[1L, 5L], [2L, 3L], [6L, 4L]], pages.Select(p => p.Rows.Select(r => r.Id).ToArray()).ToArray());
        Assert.All(pages, p => Assert.Equal(6L, p.Total));
        Assert.Equal([true, true, false], pages.Select(p => p.Next is not null).ToArray());
    }

    [Theory]
    [StoreProviders]
    public async Task ReadAsync_RiskFilterInAnyCase_OnlyThatRiskAndItsTotal(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = await SeedAsync(store.Source.For("acme"));

        var pages = await ReadAllAsync(tenant, new ProposalPageQuery(null, null, "routine", 50, null));

        var page = Assert.Single(pages);
        Assert.Equal([2L, 6L, 4L], page.Rows.Select(r => r.Id).ToArray());
        Assert.Equal(3L, page.Total);
    }

    [Theory]
    [InlineData("0.1.7", 0, 1, 7L)]
    [InlineData("4.0.9223372036854775807", 4, 0, long.MaxValue)]
    public void CursorParse_WhatToStringWrote_RoundTrips(string text, int rank, int routine, long id)
    {
        var cursor = ProposalCursor.Parse(text);

        Assert.Equal((rank, routine, id, text), (cursor.Rank, cursor.Routine, cursor.Id, cursor.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.0")]
    [InlineData("a.b.c")]
    [InlineData("-1.0.3")]
    [InlineData("1.0.3.4")]
    public void CursorParse_NotACursor_FormatExceptionNamingIt(string text)
    {
        var error = Assert.Throws<FormatException>(() => ProposalCursor.Parse(text));

        Assert.StartsWith("cursor:", error.Message, StringComparison.Ordinal);
    }

    private static async Task<TenantData> SeedAsync(TenantData tenant)
    {
        for (var i = 0; i < Seed.Length; i++)
        {
            var id = await GateStoreProviderTests.InsertAsync(tenant, $"fin:bill:{i + 1}", Seed[i].Risk);
            if (Seed[i].State != "proposed")
            {
                await using var unit = await tenant.WriteAsync(None);
                Assert.True(await ProposalStore.DecideAsync(unit, id, "proposed", Seed[i].State, "lead@acme", "2026-11-27T10:01:00.000Z", null, None));
                await unit.CommitAsync(None);
            }
        }

        return tenant;
    }

    private static async Task<List<ProposalPage>> ReadAllAsync(TenantData tenant, ProposalPageQuery query)
    {
        var pages = new List<ProposalPage>();
        do
        {
            await using var unit = await tenant.ReadAsync(None);
            pages.Add(await ProposalPages.ReadAsync(unit, query with { After = pages.LastOrDefault()?.Next }, None));
        }
        while (pages[^1].Next is not null);
        return pages;
    }
}
