using System.Text.Json.Nodes;
using BackOffice.Tests.Bundle;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: the payroll-check report tests' shared steps: add columns to a bundle file of the demo, then import it and
/// read `report payroll-check` for the week of 2026-11-05, rows by id.
/// </summary>
internal static class PayrollBundleEdits
{
    /// <summary>Adds <paramref name="header"/> to <paramref name="file"/>, each row's values by its id (first column).</summary>
    public static void Extend(this BundleTestKit kit, string file, string header, Func<string, string> valuesFor)
    {
        var path = Path.Combine(kit.Bundle, file);
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines.Select((l, i) => i == 0 ? l + header : l + "," + valuesFor(l.Split(',')[0])));
    }

    /// <summary>As above: the rows named in <paramref name="byId"/> get their values, the rest <paramref name="empty"/>.</summary>
    public static void Extend(this BundleTestKit kit, string file, string header, IReadOnlyDictionary<string, string> byId, string empty) =>
        kit.Extend(file, header, id => byId.GetValueOrDefault(id, empty));

    /// <summary>Imports the edited demo bundle and answers `report payroll-check` for the week of 2026-11-05, rows by id.</summary>
    public static async Task<Dictionary<string, JsonNode>> PayrollCheckAsync(this BundleTestKit kit)
    {
        var cli = new CliRunner(kit.Temp.Root);
        await cli.OkAsync("tenant", "create", "demo");
        await cli.OkAsync("import", "--tenant", "demo", kit.Bundle);
        return (await cli.OkAsync("report", "payroll-check", "--tenant", "demo", "--week", "2026-11-05", "--json")).Json.AsArray()
            .ToDictionary(r => (string)r!["id"]!, r => r!);
    }
}
