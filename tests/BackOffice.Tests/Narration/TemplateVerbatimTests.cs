using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Narration;
using BackOffice.Tests.Support;
using Xunit.Abstractions;

namespace BackOffice.Tests.Narration;

/// <summary>
/// Issue 15: the old firewall rejected half of the product's own template narratives when a model sent them back
/// verbatim. Every finding and proposal the demo's sweeps write, in placeholder form, must pass the firewall and render
/// back to exactly the template.
/// </summary>
public sealed class TemplateVerbatimTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Guard_EveryDemoTemplateInPlaceholderForm_PassesAndRendersBackToTheTemplate()
    {
        var cli = new CliRunner(_temp.Root);
        await cli.OkAsync("demo");
        var items = new List<(string Id, string Title, Figure[] Figures, JsonObject? Payload, string Narrative)>();
        foreach (var f in (await cli.OkAsync("report", "findings", "--tenant", "demo", "--json")).Json.AsArray())
        {
            items.Add(((string)f!["id"]!, (string)f["title"]!, Figures(f), null, (string)f["narrative"]!));
        }

        foreach (var p in (await cli.OkAsync("proposals", "list", "--json")).Json.AsArray())
        {
            var shown = (await cli.OkAsync("proposals", "show", ((long)p!["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), "--json")).Json;
            items.Add(($"proposal {shown["id"]}", (string)shown["title"]!, Figures(shown), shown["payload"]?.AsObject(), (string)shown["narrative"]!));
        }

        var failures = new List<string>();
        foreach (var (id, title, figures, payload, narrative) in items)
        {
            var slots = NarrativeSlots.For(figures, payload, title, narrative);
            var verdict = PlaceholderGuard.Check(slots.Template, slots);
            if (!verdict.Passed || slots.Render(slots.Template) != narrative.Replace('{', '(').Replace('}', ')'))
            {
                failures.Add($"{id}: {slots.Template} => {string.Join("; ", verdict.Violations)} | rendered: {slots.Render(slots.Template)}");
            }
        }

        output.WriteLine($"{items.Count} demo templates, {items.Count - failures.Count} pass verbatim");
        failures.ForEach(output.WriteLine);
        Assert.True(items.Count >= 20);
        Assert.Empty(failures);
    }

    private static Figure[] Figures(JsonNode item) =>
        item["figures"]!.Deserialize<Figure[]>(FigureJson.Options)!;
}
