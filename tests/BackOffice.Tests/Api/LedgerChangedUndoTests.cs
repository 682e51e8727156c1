using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 17: undoing a proposal whose sandbox bill someone changed in the ledger since we wrote it is a 409 that names
/// each changed field, before -> after: in the API as the problem's <c>changedFields</c> extension
/// (ApiExceptionHandler, commit fa3253d), in the console as a list on the error page, never a stack trace.
/// Proposal 1 of <see cref="ConsoleFactory"/>'s acme is the drafted bill for sub invoice RP-007.
/// </summary>
public sealed class LedgerChangedUndoTests : IDisposable
{
    private readonly ConsoleFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Undo_SandboxBillChangedInTheLedger_Api409NamingTheChangedFields()
    {
        var lead = await _factory.ApiAsync("dana");
        var expected = await ExecuteThenChangeTheBillAsync(lead);

        var response = await lead.PostAsync("/api/tenants/acme/proposals/1/undo", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Cannot be undone: the record changed in the ledger", (string)problem["title"]!);
        Assert.Equal(expected, problem["changedFields"]!.AsArray().Select(f => (string)f!).ToArray());
        Assert.Contains($"changed: {string.Join("; ", expected)}. Undo refused.", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_SandboxBillChangedInTheLedger_ConsolePageListsTheFieldsWithoutAStackTrace()
    {
        var expected = await ExecuteThenChangeTheBillAsync(await _factory.ApiAsync("dana"));
        var dana = _factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(dana, "dana", ConsoleFactory.Password)).StatusCode);

        var response = await SavedFiltersPageTests.PostAsync(dana, "/t/acme/proposals/1", "/t/acme/proposals/1/undo", []);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Cannot be undone: the record changed in the ledger</h1>", page, StringComparison.Ordinal);
        Assert.All(expected, field => Assert.Contains($"<li>{field}</li>", page, StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" at BackOffice.", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// Switches on, proposal 1 approved and executed through the API, then the bill edited in the sandbox by hand (its
    /// number and total, the SyncToken moved as the ledger moves it); returns the changes the refusal must name.
    /// </summary>
    private async Task<string[]> ExecuteThenChangeTheBillAsync(HttpClient lead)
    {
        var admin = await _factory.ApiAsync("sam");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/tenants/acme/switches/master", new { on = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/tenants/acme/agents/financial/switches", new { writes = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync("/api/tenants/acme/proposals/1/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync("/api/tenants/acme/proposals/1/execute", null)).StatusCode);
        await using var connection = await _factory.TenantPath("acme").OpenAsync(CancellationToken.None);
        var total = await connection.ExecuteScalarAsync<long>("SELECT total_cents FROM ledger_bills WHERE origin = 'sandbox'");
        await connection.ExecuteAsync(
            "UPDATE ledger_bills SET doc_number = 'RP-007-R', total_cents = total_cents + 10000, sync_token = sync_token + 1 WHERE origin = 'sandbox'");
        return ["DocNumber RP-007 -> RP-007-R", $"TotalAmt {Dollars(total)} -> {Dollars(total + 10_000)}"];
    }

    private static string Dollars(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
