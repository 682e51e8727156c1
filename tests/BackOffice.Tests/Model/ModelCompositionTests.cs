using BackOffice.Host.Api;
using BackOffice.Host.Composition;
using BackOffice.Kernel.Ask;
using BackOffice.Kernel.Model;
using BackOffice.Kernel.Narration;
using BackOffice.Kernel.Sweeps;
using BackOffice.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.ChatCompletion;

namespace BackOffice.Tests.Model;

/// <summary>
/// Issue 12, part 1: with Model:Endpoint configured, the host `serve` builds (and the CLI host, from the same composition
/// root) runs its sweeps with the model narrator, not the offline one. The hosts are built but not started, so no
/// scheduler or delivery loop runs beside the test.
/// </summary>
public sealed class ModelCompositionTests : IDisposable
{
    private readonly LoopbackChatServer _server = new();
    private readonly TempDataDirectory _temp = new();

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    /// <summary>The model at the loopback server; one attempt per call and a short timeout keep a failure fast.</summary>
    private Dictionary<string, string?> Settings => new()
    {
        ["Model:Endpoint"] = _server.Endpoint,
        ["Model:Model"] = "loopback-model",
        ["Model:MaxRetries"] = "0",
        ["Model:TimeoutSeconds"] = "10",
        ["Scheduler:PollSeconds"] = "3600",
    };

    [Fact]
    public async Task ServeHost_ModelEndpointConfigured_SweepsWithTheModelNarrator()
    {
        await TenantSeed.BaseAsync(_temp.Tenant("acme"));
        await TenantSeed.SubInvoiceAsync(_temp.Tenant("acme"), "si-1", "RP-007", "approved", 1_840_000, 184_000);
        for (var i = 0; i < 4; i++)
        {
            _server.Text("Invoice RP-007 from Rivera Plumbing LLC has no bill yet.", promptTokens: 100, completionTokens: 12);
        }

        await using var app = BackOfficeWeb.Build(_temp.Data, "http://127.0.0.1:0", b => b.Configuration.AddInMemoryCollection(Settings));

        Assert.IsType<ModelNarrator>(app.Services.GetRequiredService<NarrationService>().Narrator);
        var outcome = await app.Services.GetRequiredService<SweepRunner>()
            .RunAsync("acme", "financial", new DateOnly(2026, 11, 20), "manual", 1, new Progress<string>(), CancellationToken.None);

        Assert.NotEmpty(_server.Requests);
        Assert.Contains(_server.Requests, r => (string?)r["model"] == "loopback-model" && r["messages"] is not null);
        Assert.NotEqual("template", outcome.Narration?.Narrator);
    }

    /// <summary>Issue 15: `serve` with a model composes the kernel with the audited chat service, and its question box
    /// asks the model with every report offered as a function.</summary>
    [Fact]
    public async Task ServeHost_ModelEndpointConfigured_ResolvesTheKernelAndAsksTheModelWithTheReports()
    {
        await TenantSeed.BaseAsync(_temp.Tenant("acme"));
        _server.Text("The books hold no receivables to answer that.");
        await using var app = BackOfficeWeb.Build(_temp.Data, "http://127.0.0.1:0", b => b.Configuration.AddInMemoryCollection(Settings));

        var kernel = app.Services.GetRequiredService<Microsoft.SemanticKernel.Kernel>();
        Assert.IsType<AuditedChatCompletionService>(kernel.GetRequiredService<IChatCompletionService>());
        var answer = await app.Services.GetRequiredService<QuestionAnswerer>()
            .AskAsync(_temp.Tenant("acme"), "who owes us the most?", new DateOnly(2026, 11, 20), "test", CancellationToken.None);

        Assert.Equal(("model", "The books hold no receivables to answer that."), (answer.AnsweredBy, answer.Text));
        var tools = Assert.Single(_server.Requests)["tools"]!.AsArray().Select(t => (string?)t!["function"]!["name"]).ToList();
        Assert.Contains("Reports-aging", tools);
        Assert.Contains("Reports-aging_invoice_date", tools);
    }

    [Fact]
    public async Task CliHost_SameConfiguration_HasTheSameNarratorAsServe()
    {
        var cli = BackOfficeServices.CreateBuilder(_temp.Data);
        cli.Configuration.AddInMemoryCollection(Settings);
        using var cliHost = cli.Build();
        await using var serve = BackOfficeWeb.Build(_temp.Data, "http://127.0.0.1:0", b => b.Configuration.AddInMemoryCollection(Settings));

        var cliNarrator = cliHost.Services.GetRequiredService<NarrationService>().Narrator;

        Assert.IsType<ModelNarrator>(cliNarrator);
        Assert.Equal(serve.Services.GetRequiredService<NarrationService>().Narrator.GetType(), cliNarrator.GetType());
        Assert.False(cliNarrator.IsOffline);
    }
}
