using BackOffice.Store.Sweeps;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: on PostgreSQL the change journal is written as arrays, <see cref="ChangeJournalBatches.BatchRows"/>
/// entities per statement; on SQLite by one prepared statement per entity. Either way every entity is recorded once,
/// with sequence numbers in the order the journal sorts them (kind, key, table, columns), across a batch boundary.
/// </summary>
public sealed class ChangeJournalProviderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [StoreProviders]
    public async Task RecordAsync_MoreEntitiesThanOneBatchInAnyOrder_EachOnceInSortedOrder(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("demo");
        var entities = Enumerable.Range(0, ChangeJournalBatches.BatchRows + 1)
            .Select(i => new ChangedEntity(i % 2 == 0 ? "job" : "vendor", $"k-{i:D6}", i % 3 == 0 ? null : "project_jobs", i % 5 == 0 ? "name" : null))
            .Reverse().Append(new ChangedEntity("job", "k-000000", null, "name")).ToList();

        await using (var unit = await tenant.OpenUnitAsync(write: true, Ct))
        {
            await ChangeJournalStore.RecordAsync(entities, "import:test", "2026-11-28T00:00:00.000Z", unit.Connection, unit.Transaction!, Ct);
            await unit.CommitAsync(Ct);
        }

        var recorded = await new ChangeJournalStore(tenant).SinceAsync(0, Ct);
        var expected = entities.Distinct().OrderBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => (e.Kind, e.Key, e.Table)).ToList();
        Assert.Equal(ChangeJournalBatches.BatchRows + 1, recorded.Count);
        Assert.Equal(expected, recorded.Select(r => (r.Kind, r.Key, r.Table)).ToList());
        Assert.All(recorded, r => Assert.Equal("import:test", r.Source));
    }
}
