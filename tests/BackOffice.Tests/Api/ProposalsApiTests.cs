using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BackOffice.Tests.Api;

/// <summary>The proposal endpoints through the real host (issue 9): the gate's rules as HTTP status codes.</summary>
public sealed class ProposalsApiTests : IDisposable
{
    private readonly ConsoleFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task List_AsViewer_ShowsTheMoneyProposalWorstFirst()
    {
        var client = await _factory.ApiAsync("vic");

        var list = await client.GetFromJsonAsync<JsonObject>("/api/tenants/acme/proposals");

        var proposal = Assert.Single(list!["items"]!.AsArray());
        Assert.Equal(("proposed", "Money", "financial"), ((string)proposal!["state"]!, (string)proposal["risk"]!, (string)proposal["agent"]!));
        Assert.Equal((1L, 50, null), ((long)list["total"]!, (int)list["limit"]!, (string?)list["next"]));
    }

    /// <summary>Issue 18: a page holds 1 to 200 rows; outside that, or a cursor the API never returned, is a 400 naming the parameter.</summary>
    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("cursor=1.0", "cursor")]
    public async Task List_LimitOutOfRangeOrForeignCursor_Is400NamingIt(string query, string named)
    {
        var client = await _factory.ApiAsync("vic");

        var response = await client.GetAsync($"/api/tenants/acme/proposals?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=1")]
    [InlineData("limit=200")]
    public async Task List_LimitAtTheBounds_Is200(string query)
    {
        var client = await _factory.ApiAsync("vic");

        var list = await client.GetFromJsonAsync<JsonObject>($"/api/tenants/acme/proposals?{query}");

        Assert.Single(list!["items"]!.AsArray());
    }

    [Fact]
    public async Task Show_OneProposal_HasFiguresWithSourcesAndWhoMustApprove()
    {
        var client = await _factory.ApiAsync("vic");

        var view = await client.GetFromJsonAsync<JsonObject>("/api/tenants/acme/proposals/1");

        Assert.Contains("lead of the finance department", (string)view!["whoMustApprove"]!, StringComparison.Ordinal);
        var net = view["figures"]!.AsArray().Single(f => (string)f!["name"]! == "net_payable");
        Assert.Equal("16560.00", (string)net!["value"]!);
        Assert.True((bool)view["reversible"]!);
    }

    [Theory]
    [InlineData("vic", HttpStatusCode.Forbidden)]
    [InlineData("alex", HttpStatusCode.Forbidden)]
    [InlineData("sam", HttpStatusCode.Forbidden)]
    [InlineData("dana", HttpStatusCode.OK)]
    public async Task Approve_MoneyProposal_OnlyTheDepartmentLeadMay(string user, HttpStatusCode expected)
    {
        var client = await _factory.ApiAsync(user);

        var response = await client.PostAsync("/api/tenants/acme/proposals/1/approve", null);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal("Refused by the gate", (string)problem!["title"]!);
        }
    }

    [Fact]
    public async Task Approve_Twice_SecondIsAReplayWithOneAuditEvent()
    {
        var client = await _factory.ApiAsync("dana");

        var first = await client.PostAsync("/api/tenants/acme/proposals/1/approve", null);
        var second = await (await client.PostAsync("/api/tenants/acme/proposals/1/approve", null)).Content.ReadFromJsonAsync<JsonObject>();
        var audit = await client.GetFromJsonAsync<JsonArray>("/api/tenants/acme/audit?kind=proposal.approved");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((bool)second!["replayed"]!);
        var approved = Assert.Single(audit!);
        Assert.Equal("dana", (string)approved!["actor"]!);
    }

    [Fact]
    public async Task Approve_AfterRejection_Is409WithTheCurrentState()
    {
        var client = await _factory.ApiAsync("dana");
        await client.PostAsJsonAsync("/api/tenants/acme/proposals/1/reject", new { reason = "changed my mind" });

        var response = await client.PostAsync("/api/tenants/acme/proposals/1/approve", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("rejected", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["currentState"]!);
    }

    /// <summary>Issue 19: an approved proposal that is stuck (or no longer wanted) can still be rejected.</summary>
    [Fact]
    public async Task Reject_AfterApproval_Rejected()
    {
        var client = await _factory.ApiAsync("dana");
        await client.PostAsync("/api/tenants/acme/proposals/1/approve", null);

        var response = await client.PostAsJsonAsync("/api/tenants/acme/proposals/1/reject", new { reason = "changed my mind" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rejected", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["state"]!);
    }

    /// <summary>Issue 19: an invalid edit is a 400 whose problems name the field, never a 500.</summary>
    [Fact]
    public async Task Edit_DueDateNotADate_Is400NamingTheField()
    {
        var client = await _factory.ApiAsync("dana");

        var response = await client.PostAsJsonAsync("/api/tenants/acme/proposals/1/edit", new { changes = new { due_date = "31/31/2026" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!["problems"]![0]!;
        Assert.Equal("due_date", (string)problem["field"]!);
    }

    [Fact]
    public async Task Execute_WithWritesOff_Is403NamingTheSwitch()
    {
        var client = await _factory.ApiAsync("dana");
        await client.PostAsync("/api/tenants/acme/proposals/1/approve", null);

        var response = await client.PostAsync("/api/tenants/acme/proposals/1/execute", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("master", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["switch"]!);
    }

    [Fact]
    public async Task ExecuteThenUndo_WithSwitchesOn_WritesAndRestoresTheLedger()
    {
        var admin = await _factory.ApiAsync("sam");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/tenants/acme/switches/master", new { on = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/tenants/acme/agents/financial/switches", new { writes = true })).StatusCode);
        var lead = await _factory.ApiAsync("dana");
        await lead.PostAsync("/api/tenants/acme/proposals/1/approve", null);

        var executed = await (await lead.PostAsync("/api/tenants/acme/proposals/1/execute", null)).Content.ReadFromJsonAsync<JsonObject>();
        var billsAfterExecute = await lead.GetFromJsonAsync<JsonObject>("/api/tenants/acme/reports/ledger-bills");
        var undone = await (await lead.PostAsync("/api/tenants/acme/proposals/1/undo", null)).Content.ReadFromJsonAsync<JsonObject>();
        var billsAfterUndo = await lead.GetFromJsonAsync<JsonObject>("/api/tenants/acme/reports/ledger-bills");

        Assert.Equal("executed", (string)executed!["state"]!);
        Assert.Contains(billsAfterExecute!["rows"]!.AsArray(), r => r!.ToJsonString().Contains("RP-007", StringComparison.Ordinal));
        Assert.Equal("reverted", (string)undone!["state"]!);
        Assert.DoesNotContain(billsAfterUndo!["rows"]!.AsArray(), r => r!.ToJsonString().Contains("RP-007", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edit_ByLead_ChangesTheFieldAndAuditsBeforeAndAfter()
    {
        var client = await _factory.ApiAsync("dana");

        var response = await client.PostAsJsonAsync("/api/tenants/acme/proposals/1/edit", new { changes = new { memo = "Checked with PM" } });
        var audit = await client.GetFromJsonAsync<JsonArray>("/api/tenants/acme/audit?kind=proposal.edited");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Checked with PM", (string)Assert.Single(audit!)!["data"]!["after"]!["memo"]!);
    }

    [Fact]
    public async Task Show_UnknownProposal_Is404ProblemDetails()
    {
        var client = await _factory.ApiAsync("vic");

        var response = await client.GetAsync("/api/tenants/acme/proposals/99");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
