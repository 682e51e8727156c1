using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BackOffice.Tests.Api;

public sealed class OpenApiAndHealthTests : IDisposable
{
    private readonly ConsoleFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Health_Anonymous_IsOk()
    {
        var health = await _factory.Browser().GetFromJsonAsync<JsonObject>("/health");

        Assert.Equal("ok", (string)health!["status"]!);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheProposalVerbs()
    {
        var document = await _factory.Browser().GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/tenants/{tenant}/proposals/{id}/approve", paths);
        Assert.Contains("/api/tenants/{tenant}/audit/verify", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/t/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Console_Unauthenticated_RedirectsToLogin()
    {
        var response = await _factory.Browser().GetAsync("/t/acme/inbox");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
