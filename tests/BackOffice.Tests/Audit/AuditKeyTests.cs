using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BackOffice.Tests.Audit;

/// <summary>
/// Issue 19: the chains are keyed (HMAC-SHA256, RFC 2104) with a key outside the database files, so someone who holds
/// only the databases cannot rewrite a chain and its anchor consistently; unkeyed chains are keyed from a recorded event.
/// </summary>
public sealed class AuditKeyTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _temp.Dispose();

    private AuditChains Chains => new(_temp.Source());

    private async Task<TenantData> SeedTenantAsync(int events)
    {
        var tenant = _temp.Tenant("acme");
        var audit = new AuditStore(TimeProvider.System);
        for (var i = 1; i <= events; i++)
        {
            await audit.AppendAloneAsync(tenant, "lead@acme", "proposal.approved", $"proposal:{i}", new JsonObject { ["amount"] = $"{i}00.00" }, _ct);
        }

        await new AuditAnchors(_temp.Source(), TimeProvider.System).AdvanceAsync("acme", _ct);
        return tenant;
    }

    /// <summary>Rewrites rows from <paramref name="from"/> on with plain SHA-256, as someone without the key would, editing event 3.</summary>
    private static async Task RewriteWithPlainShaAsync(string databasePath, long from, long to = long.MaxValue)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;");
        var events = (await connection.QueryAsync<(long Seq, string At, string Actor, string Kind, string Subject, string Data, string Prev, string Hash)>(
            "SELECT seq, at, actor, kind, subject, data_json, prev_hash, hash FROM audit_events ORDER BY seq")).ToList();
        var prev = from == 1 ? AuditEvent.Genesis : events[(int)from - 2].Hash;
        foreach (var e in events.Where(e => e.Seq >= from && e.Seq <= to))
        {
            var data = e.Seq == 3 ? "{\"amount\":\"999999.00\"}" : e.Data;
            var hash = AuditEvent.ComputeHash(e.Seq, e.At, e.Actor, e.Kind, e.Subject, data, prev);
            await connection.ExecuteAsync("UPDATE audit_events SET data_json = @data, prev_hash = @prev, hash = @hash WHERE seq = @Seq",
                new { data, prev, hash, e.Seq });
            prev = hash;
        }
    }

    [Fact]
    public async Task VerifyTenant_FreshChain_IntactAndKeyedFromTheFirstEvent()
    {
        await SeedTenantAsync(5);
        var report = await Chains.VerifyTenantAsync("acme", _ct);
        Assert.Equal((true, 1L, 5), (report.Intact, report.KeyedFrom ?? 0, report.Events));
    }

    [Theory]
    [InlineData(1, 1, "rewritten without the key")]
    [InlineData(3, 3, "keyed hash")]
    public async Task VerifyTenant_RowsRewrittenConsistentlyWithPlainSha256_Detected(long from, long firstBad, string reason)
    {
        await SeedTenantAsync(5);
        await RewriteWithPlainShaAsync(_temp.Data.TenantDatabasePath("acme"), from);
        // The anchor is left as it was: moving it without the key is caught on its own (the next test).
        var report = await Chains.VerifyTenantAsync("acme", _ct);
        Assert.False(report.Intact);
        Assert.Equal(firstBad, report.Break!.Seq);
        Assert.Contains(reason, report.Break.Reason);
    }

    [Fact]
    public async Task VerifyTenant_ChainCutAndAnchorMovedBackWithoutKey_Detected()
    {
        await SeedTenantAsync(5);
        await using var connection = new SqliteConnection($"Data Source={_temp.Data.TenantDatabasePath("acme")};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq >= 4");
        var newHead = await connection.QuerySingleAsync<string>("SELECT hash FROM audit_events WHERE seq = 3");
        await using var control = new SqliteConnection($"Data Source={_temp.Data.ControlDatabasePath};Pooling=False");
        await control.OpenAsync();
        await control.ExecuteAsync("UPDATE audit_anchors SET seq = 3, hash = @newHead WHERE tenant = 'acme'", new { newHead });

        var report = await Chains.VerifyTenantAsync("acme", _ct);

        Assert.Equal(3, report.Break?.Seq);
        Assert.Contains("anchor was rewritten", report.Break!.Reason);
    }

    [Fact]
    public async Task VerifyControl_LastEventsDeleted_CaughtByTheControlAnchor()
    {
        var registry = new TenantRegistry(_temp.Source(), TimeProvider.System, new AuditStore(TimeProvider.System));
        foreach (var name in new[] { "acme", "beta", "gamma" })
        {
            await registry.CreateAsync(name, "admin", _ct);
        }

        Assert.True((await Chains.VerifyControlAsync(_ct)).Intact);
        await using var control = new SqliteConnection($"Data Source={_temp.Data.ControlDatabasePath};Pooling=False");
        await control.OpenAsync();
        await control.ExecuteAsync("DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)");

        var report = await Chains.VerifyControlAsync(_ct);

        Assert.False(report.Intact);
        Assert.Contains("removed from the end", report.Break!.Reason);
    }

    [Fact]
    public async Task ForAsync_KeyFileDeletedAfterChainsWereKeyed_ClearErrorNamingTheFile()
    {
        await SeedTenantAsync(2);
        File.Delete(_temp.Data.AuditKeyFile);

        var error = await Assert.ThrowsAsync<AuditKeyException>(() => _temp.Tenant("acme").ReadAsync(_ct));

        Assert.Contains(_temp.Data.AuditKeyFile, error.Message);
        Assert.Contains("is missing", error.Message);
        Assert.False(File.Exists(_temp.Data.AuditKeyFile));
    }

    [Fact]
    public async Task ForAsync_ConfiguredKeyFileMissing_ClearErrorNotANewKey()
    {
        var data = new DataDirectory(_temp.Root);
        data.UseAuditKeyFile(Path.Combine(_temp.Root, "elsewhere", "audit.key"));

        var error = await Assert.ThrowsAsync<AuditKeyException>(() => AuditKeys.ForAsync(data, _ct));

        Assert.Contains("Audit:KeyFile", error.Message);
    }

    [Fact]
    public async Task ForAsync_FirstStart_CreatesKeyReadableByOwnerOnly()
    {
        await AuditKeys.ForAsync(_temp.Data, _ct);
        Assert.True(File.Exists(_temp.Data.AuditKeyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_temp.Data.AuditKeyFile));
        }
    }

    [Fact]
    public async Task KeyCreation_ExistingUnkeyedChain_KeyedFromARecordedEventAndOldPartStillChecked()
    {
        await SeedUnkeyedTenantAsync(3);

        var report = await Chains.VerifyTenantAsync("acme", _ct);
        Assert.Equal((true, 4L), (report.Intact, report.KeyedFrom ?? 0));
        await using (var unit = await _temp.Tenant("acme").ReadAsync(_ct))
        {
            Assert.Equal(AuditKeying.KeyedKind, (await AuditStore.ReadAllAsync(unit, _ct))[3].Kind);
        }

        // Someone without the key rewrites the unkeyed part consistently: the keyed event no longer follows it.
        SqliteConnection.ClearAllPools();
        await RewriteWithPlainShaAsync(_temp.Data.TenantDatabasePath("acme"), 2, to: 3);
        var rewritten = await Chains.VerifyTenantAsync("acme", _ct);
        Assert.Equal((4L, "event 4 does not follow event 3: removed or reordered"), (rewritten.Break?.Seq ?? 0, rewritten.Break?.Reason));
    }

    /// <summary>A tenant chain as written before issue 19: plain SHA-256, no key file, no recorded key.</summary>
    private async Task SeedUnkeyedTenantAsync(int events)
    {
        // Opening migrates the database without asking for the key, as a database from before issue 19 was.
        await using var connection = await _temp.Tenant("acme").OpenAsync(_ct);
        var prev = AuditEvent.Genesis;
        for (var seq = 1L; seq <= events; seq++)
        {
            var data = $"{{\"amount\":\"{seq}00.00\"}}";
            var hash = AuditEvent.ComputeHash(seq, "2026-01-01T00:00:00.000Z", "lead@acme", "proposal.approved", $"proposal:{seq}", data, prev);
            await connection.ExecuteAsync("INSERT INTO audit_events VALUES (@seq, '2026-01-01T00:00:00.000Z', 'lead@acme', 'proposal.approved', @subject, @data, @prev, @hash)",
                new { seq, subject = $"proposal:{seq}", data, prev, hash });
            prev = hash;
        }
    }
}
