using System.Text;
using BackOffice.Store.Bundle;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Bundle.Hostile;

/// <summary>One hostile bundle: a category for the report, a name, and the change made to a fresh copy of the demo bundle.</summary>
/// <param name="Outside">A folder outside the bundle the case may point links at (another tenant's files, /etc).</param>
/// <summary>One hostile bundle; <paramref name="Encoding"/> is the `--encoding` it is imported with (null: UTF-8).</summary>
public sealed record HostileCase(string Category, string Name, Action<string, HostileTargets> Apply, string? Encoding = null);

/// <summary>Files outside the bundle that links point to: another tenant's database, a system file, a folder.</summary>
public sealed record HostileTargets(string OtherTenantDb, string OutsideFolder);

/// <summary>
/// Issue 19: the corpus of malformed and hostile bundles, generated in code: links, long and odd names, encodings, signs,
/// formula text and huge fields. Each case must be refused with a clear error and leave the tenant byte for byte as it was.
/// </summary>
public static class HostileBundleCases
{
    private static readonly string[] RawFolders = ["inbox", "pricebook/price-files"];

    public static IEnumerable<HostileCase> All() =>
        Links().Concat(Names()).Concat(Encodings()).Concat(LegacyEncodings()).Concat(Signs()).Concat(Formulas()).Concat(Huge());

    private static IEnumerable<HostileCase> Links()
    {
        foreach (var folder in RawFolders)
        {
            yield return new("links", $"{folder}: link to another tenant's tenant.db", (b, t) => Link(b, $"{folder}/other.pdf", t.OtherTenantDb));
            yield return new("links", $"{folder}: link to /etc/passwd", (b, _) => Link(b, $"{folder}/passwd.txt", "/etc/passwd"));
            yield return new("links", $"{folder}: link to a bundle file", (b, _) => Link(b, $"{folder}/copy.csv", Path.Combine(b, "ledger", "vendors.csv")));
            yield return new("links", $"{folder}: broken link", (b, _) => Link(b, $"{folder}/gone.pdf", "/nonexistent/file.pdf"));
            yield return new("links", $"{folder}: link to a folder", (b, t) => Link(b, $"{folder}/dir", t.OutsideFolder, directory: true));
            yield return new("links", $"{folder}: relative link upwards", (b, _) => Link(b, $"{folder}/up.pdf", "../../bundle.json"));
            yield return new("links", $"{folder}: the folder itself is a link", (b, t) => ReplaceWithLink(b, folder, t.OutsideFolder));
        }

        yield return new("links", "bundle.json is a link", (b, t) => ReplaceFileWithLink(b, "bundle.json", t.OutsideFolder));
        foreach (var spec in BundleSchema.Files.Where(f => File.Exists(Path.Combine(RepoPaths.DemoBundle, f.Path))))
        {
            yield return new("links", $"{spec.Path} is a link to a copy outside", (b, t) => ReplaceFileWithLink(b, spec.Path, t.OutsideFolder));
        }

        foreach (var folder in new[] { "project", "ledger", "mappings", "workforce", "pricebook" })
        {
            yield return new("links", $"{folder}/ is a link", (b, t) => ReplaceWithLink(b, folder, t.OutsideFolder));
        }
    }

    private static IEnumerable<HostileCase> Names()
    {
        var names = new List<(string What, string Name)>
        {
            ("201 bytes", new string('a', 197) + ".pdf"), ("230 bytes", new string('b', 226) + ".pdf"), ("254 bytes", new string('c', 250) + ".pdf"),
            ("255 bytes", new string('d', 251) + ".pdf"), ("202 bytes of é", string.Concat(Enumerable.Repeat("é", 99)) + ".pdf"),
            ("control 0x01", "inv\u0001.pdf"), ("tab", "inv\t1.pdf"), ("newline", "inv\n1.pdf"), ("carriage return", "inv\r1.pdf"),
            ("escape", "inv\u001b[31m.pdf"), ("delete", "inv\u007f.pdf"), ("right-to-left override", "invoice\u202Efdp.exe"),
            ("isolate", "inv\u2066x.pdf"), ("rtl mark", "inv\u200Fx.pdf"), ("backslash", "a\\b.pdf"), ("colon", "c:.pdf"),
            ("star", "a*.pdf"), ("question mark", "a?.pdf"), ("quote", "a\".pdf"), ("less than", "a<b.pdf"), ("greater than", "a>b.pdf"),
            ("pipe", "a|b.pdf"), ("leading space", " a.pdf"), ("trailing space", "a.pdf "), ("trailing dot", "a.pdf."),
        };
        foreach (var folder in RawFolders)
        {
            foreach (var (what, name) in names)
            {
                yield return new("names", $"{folder}: {what}", (b, _) => File.WriteAllText(Path.Combine(b, folder, name), "x"));
            }

            yield return new("names", $"{folder}: NFC and NFD of the same name", (b, _) =>
            {
                File.WriteAllText(Path.Combine(b, folder, "caf\u00e9.pdf"), "1");
                File.WriteAllText(Path.Combine(b, folder, "cafe\u0301.pdf"), "2");
            });
            yield return new("names", $"{folder}: names differing only in case", (b, _) =>
            {
                File.WriteAllText(Path.Combine(b, folder, "Invoice.pdf"), "1");
                File.WriteAllText(Path.Combine(b, folder, "invoice.pdf"), "2");
            });
        }
    }

    private static IEnumerable<HostileCase> Encodings()
    {
        var bad = new (string What, byte[] Bytes)[]
        {
            ("0xFF byte", [0xFF]), ("Latin-1 é", [0xE9]), ("truncated sequence", [0xC3, (byte)'x']), ("overlong slash", [0xC0, 0xAF]),
            ("encoded surrogate", [0xED, 0xA0, 0x80]),
        };
        foreach (var spec in BundleSchema.Files.Where(f => File.Exists(Path.Combine(RepoPaths.DemoBundle, f.Path))).Select(f => f.Path).Append("bundle.json"))
        {
            foreach (var (what, bytes) in bad)
            {
                yield return new("encodings", $"{spec}: {what}", (b, _) => InsertBytes(Path.Combine(b, spec), bytes));
            }

            yield return new("encodings", $"{spec}: UTF-16 with BOM", (b, _) =>
                File.WriteAllText(Path.Combine(b, spec), File.ReadAllText(Path.Combine(b, spec)), new UnicodeEncoding(false, true)));
        }
    }

    /// <summary>
    /// Issue 19: with `--encoding windows-1252`, each byte cp1252 leaves undefined (Unicode's cp1252.txt) in every CSV,
    /// and a UTF-16 file, are refused; bundle.json stays strict UTF-8 whatever the CSV encoding.
    /// </summary>
    private static IEnumerable<HostileCase> LegacyEncodings()
    {
        var csvs = BundleSchema.Files.Where(f => File.Exists(Path.Combine(RepoPaths.DemoBundle, f.Path))).Select(f => f.Path).ToList();
        foreach (var spec in csvs)
        {
            foreach (var undefined in new byte[] { 0x81, 0x8D, 0x8F, 0x90, 0x9D })
            {
                yield return new("legacy encodings", $"{spec}: windows-1252 undefined 0x{undefined:X2}",
                    (b, _) => InsertBytes(Path.Combine(b, spec), [undefined]), "windows-1252");
            }
        }

        yield return new("legacy encodings", "bundle.json: Latin-1 é with --encoding latin1", (b, _) => InsertBytes(Path.Combine(b, "bundle.json"), [0xE9]), "latin1");
        yield return new("legacy encodings", "bundle.json: 0xFF with --encoding windows-1252", (b, _) => InsertBytes(Path.Combine(b, "bundle.json"), [0xFF]), "windows-1252");
    }

    private static IEnumerable<HostileCase> Signs()
    {
        foreach (var spec in BundleSchema.Files.Where(f => File.Exists(Path.Combine(RepoPaths.DemoBundle, f.Path))))
        {
            // Only columns the demo file carries: an optional column it leaves out cannot be made negative there.
            var header = File.ReadLines(Path.Combine(RepoPaths.DemoBundle, spec.Path)).First().Split(',');
            foreach (var column in spec.Columns.Where(c => c.Sign == SignRule.NonNegative && header.Contains(c.CsvName)))
            {
                foreach (var negative in new[] { "-1.00", "(5.00)", "-0.01" })
                {
                    yield return new("signs", $"{spec.Path} {column.CsvName} = {negative}", (b, _) => SetFirstRow(b, spec.Path, column.CsvName, negative));
                }
            }
        }
    }

    private static IEnumerable<HostileCase> Formulas()
    {
        var formulas = new[] { "=HYPERLINK(\"http://x\")", "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "-cmd|x", "=1+1" };
        foreach (var (file, column) in new[] { ("ledger/vendors.csv", "name"), ("project/jobs.csv", "name"), ("contacts.csv", "company"), ("ledger/bills.csv", "memo") })
        {
            foreach (var formula in formulas)
            {
                yield return new("formula text", $"{file} {column} = {formula}", (b, _) => SetFirstRow(b, file, column, formula));
            }
        }
    }

    private static IEnumerable<HostileCase> Huge()
    {
        foreach (var (file, column) in new[] { ("ledger/vendors.csv", "name"), ("project/jobs.csv", "name"), ("ledger/bills.csv", "memo"), ("contacts.csv", "company") })
        {
            foreach (var size in new[] { 4001, 100_000, 2_000_000 })
            {
                yield return new("huge fields", $"{file} {column} of {size} characters", (b, _) => SetFirstRow(b, file, column, new string('x', size)));
            }
        }
    }

    private static void Link(string bundle, string relative, string target, bool directory = false)
    {
        var path = Path.Combine(bundle, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (directory)
        {
            Directory.CreateSymbolicLink(path, target);
        }
        else
        {
            File.CreateSymbolicLink(path, target);
        }
    }

    private static void ReplaceWithLink(string bundle, string folder, string outside)
    {
        var path = Path.Combine(bundle, folder);
        var copy = Path.Combine(outside, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.GetFiles(path))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            Directory.Delete(path, recursive: true);
        }

        Directory.CreateSymbolicLink(path, copy);
    }

    private static void ReplaceFileWithLink(string bundle, string relative, string outside)
    {
        var path = Path.Combine(bundle, relative);
        var copy = Path.Combine(outside, Guid.NewGuid().ToString("N") + Path.GetExtension(path));
        File.Move(path, copy);
        File.CreateSymbolicLink(path, copy);
    }

    /// <summary>Puts the bytes in the middle of the second line (the first data row), where a text field would carry them.</summary>
    private static void InsertBytes(string path, byte[] bytes)
    {
        var content = File.ReadAllBytes(path);
        var firstNewline = Array.IndexOf(content, (byte)'\n');
        var at = Math.Min(content.Length, firstNewline + 4);
        File.WriteAllBytes(path, [.. content[..at], .. bytes, .. content[at..]]);
    }

    private static void SetFirstRow(string bundle, string file, string column, string value)
    {
        var path = Path.Combine(bundle, file);
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var index = Array.FindIndex(header, h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
        Assert.True(index >= 0, $"{file} has no column {column}");
        var fields = SplitCsv(lines[1]);
        fields[index] = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        lines[1] = string.Join(",", fields);
        File.WriteAllLines(path, lines);
    }

    /// <summary>Splits one demo CSV line, keeping quoted fields (with their quotes) whole.</summary>
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        fields.Add(current.ToString());
        return fields;
    }
}
