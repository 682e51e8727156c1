using BackOffice.Host.Composition;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.Actions;

/// <summary>
/// Issue 12: the executors the agent slices register, as the gate receives them. Every kind has exactly one executor,
/// and every proposal the demo's sweeps draft has one to carry it out.
/// </summary>
public sealed class ActionRegistryTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private IReadOnlyList<IActionExecutor> Executors()
    {
        using var host = BackOfficeServices.CreateBuilder(_temp.Data).Build();
        return [.. host.Services.GetServices<IActionExecutor>()];
    }

    [Fact]
    public void EveryRegisteredKind_HasExactlyOneExecutor()
    {
        var kinds = Executors().Select(e => e.ActionKind).ToList();

        Assert.Equal(kinds.Distinct(StringComparer.Ordinal).Count(), kinds.Count);
        Assert.Equal(13, kinds.Count); // issue 16 adds ledger.adjust-allowance, ledger.retainage-entry and ledger.create-invoice
    }

    [Fact]
    public async Task EveryKindTheDemoProposes_HasARegisteredExecutor()
    {
        var registered = Executors().Select(e => e.ActionKind).ToHashSet(StringComparer.Ordinal);
        var cli = new CliRunner(_temp.Root);
        await cli.OkAsync("demo");

        var proposed = (await cli.OkAsync("proposals", "list", "--json")).Json.AsArray()
            .Select(p => (string)p!["actionKind"]!).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(proposed);
        Assert.Empty(proposed.Except(registered));
    }
}
