using BackOffice.Store.Bench;
using BackOffice.Store.Bundle.Generator;

namespace BackOffice.Host.Bench;

/// <summary>The generated bundle of a size and its copy with changed ledger bill lines (issue 18 benchmark).</summary>
public static class BenchBundles
{
    public static string Generate(string work, int jobs, int linesPerJob) =>
        BundleGenerator.Write(Path.Combine(work, $"bundle-{jobs}"), new GeneratorOptions(jobs, 1, linesPerJob)).Directory;

    /// <summary>
    /// A copy of the bundle whose bill lines' descriptions change on <paramref name="changed"/> lines spread evenly
    /// through the file: changed rows the importer must find, without touching totals the bundle checks.
    /// </summary>
    public static string WithChangedLines(string bundle, int changed)
    {
        var copy = bundle + "-changed";
        if (Directory.Exists(copy))
        {
            Directory.Delete(copy, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(bundle, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var lines = File.ReadAllLines(Path.Combine(copy, "ledger", "bill-lines.csv"));
        var header = BareCsv.Fields(lines[0]);
        var description = header.IndexOf("description");
        var step = Math.Max(1, (lines.Length - 1) / Math.Max(1, changed));
        for (int row = 1, done = 0; row < lines.Length && done < changed; row += step)
        {
            var fields = BareCsv.Fields(lines[row]);
            if (!lines[row].Contains('"') && description >= 0 && description < fields.Count)
            {
                fields[description] = $"changed {done}";
                lines[row] = string.Join(',', fields);
                done++;
            }
        }

        File.WriteAllLines(Path.Combine(copy, "ledger", "bill-lines.csv"), lines);
        return copy;
    }
}
