using System.Text.Json.Nodes;
using BackOffice.Agents.Collections.Actions;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Sqlite;
using Dapper;

namespace BackOffice.Tests.Collections;

/// <summary>The call level's "record a promise to pay" proposal through the gate (issue 5).</summary>
public sealed class RecordPromiseTests : IDisposable
{
    private readonly CollectionsFixture _f = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Execute_EditedPromise_KeepsTheInvoiceOffTheListUntilUndone()
    {
        await _f.SeedAsync();
        await _f.InvoiceAsync("inv-1", "cust-2", CollectionsFixture.AsOf.AddDays(-50), 250_000);
        await _f.EnableWritesAsync();
        var draft = (await _f.SweepAsync()).Proposals.Single();
        var id = (await _f.Gate.SubmitAsync(_f.Path, Actor.Agent("collections"), [draft], _ct)).Created.Single();
        await _f.Gate.EditAsync(_f.Path, CollectionsFixture.Lead, id, new JsonObject { ["amount"] = "1500.00", ["promised_date"] = "2026-11-27" }, _ct);
        await _f.Gate.ApproveAsync(_f.Path, CollectionsFixture.Lead, id, _ct);

        await _f.Gate.ExecuteAsync(_f.Path, CollectionsFixture.Lead, id, _ct);
        var whilePromised = await _f.SweepAsync();
        await _f.Gate.UndoAsync(_f.Path, CollectionsFixture.Lead, id, _ct);

        Assert.Empty(whilePromised.Proposals);
        Assert.Contains("promise to pay $1,500.00 by 2026-11-27", Assert.Single(whilePromised.Findings).Narrative);
        await using var c = await _f.Path.OpenAsync(_ct);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM collections_promises"));
        Assert.Single((await _f.SweepAsync()).Proposals);
    }

    [Theory]
    [InlineData("0.00")]
    [InlineData("-5.00")]
    [InlineData("12.345")]
    [InlineData("twelve")]
    public void Parse_BadAmount_IsRefusedNamingTheField(string amount)
    {
        var payload = new JsonObject { ["invoice_id"] = "inv-1", ["amount"] = amount, ["promised_date"] = "2026-11-27", ["recorded_on"] = "2026-11-20" };

        var error = Assert.Throws<ProposalPayloadException>(
            () => ActionPayloadJson.Read<RecordPromisePayload>(payload).ToPromise("k"));
        Assert.StartsWith("amount:", error.Message);
    }
}
