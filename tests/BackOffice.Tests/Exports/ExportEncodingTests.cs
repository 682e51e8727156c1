using System.Text;
using BackOffice.Kernel.Exports;
using BackOffice.Store.Bundle;
using BackOffice.Store.Exports;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Exports;

/// <summary>
/// Issue 19: export files as downloaded are decoded strictly, as bundles are. A CSV in windows-1252 or latin1 is read
/// with `import --source ... --encoding NAME`; without it a byte that is not UTF-8 refuses the file naming its line and
/// byte offset, and nothing is imported. Byte values from the Unicode mapping table cp1252.txt (0xE9 is U+00E9 "é",
/// 0x92 is U+2019 "'", 0x81 is undefined).
/// </summary>
public sealed class ExportEncodingTests : IDisposable
{
    private const string Header = "Job,PO #,Title,PO Status,Performed By,Cost,Cost Code\n";
    private readonly ExportImportKit _kit = new();

    public void Dispose() => _kit.Dispose();

    /// <summary>One purchase order whose title is <paramref name="title"/> as the given raw bytes.</summary>
    private string WritePo(byte[] title)
    {
        var path = Path.Combine(_kit.Folder, "po.csv");
        var bytes = new List<byte>(Encoding.ASCII.GetBytes(Header + "Nguyen Garage Addition,7,"));
        bytes.AddRange(title);
        bytes.AddRange(Encoding.ASCII.GetBytes(",Sent,Bayside Concrete Co,$10.00,03-300\n"));
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    [Theory]
    [InlineData("windows-1252", new byte[] { 0x43, 0x61, 0x66, 0xE9, 0x92, 0x73 }, "Caf\u00e9\u2019s")]
    [InlineData("latin1", new byte[] { 0x43, 0x61, 0x66, 0xE9 }, "Caf\u00e9")]
    [InlineData("utf-8", new byte[] { 0x43, 0x61, 0x66, 0xC3, 0xA9 }, "Caf\u00e9")]
    public async Task Import_NamedEncoding_StoresTheTextAsWritten(string encoding, byte[] title, string expected)
    {
        await _kit.DemoAsync();
        var file = WritePo(title);

        await _kit.Importer.ImportAsync(_kit.Data,
            new ExportImportRequest("buildertrend", file, null, false, "controller@demo", BundleEncoding.Parse(encoding)), CancellationToken.None);

        Assert.Equal(expected, await _kit.ScalarAsync<string>("SELECT title FROM project_commitments WHERE number = '7'"));
    }

    [Theory]
    [InlineData(null, 0xE9, "is not valid UTF-8; save the file as UTF-8, or name its encoding with --encoding")]
    [InlineData("windows-1252", 0x81, "is not valid windows-1252; the file is not windows-1252")]
    public async Task Import_ByteTheEncodingDoesNotDefine_RefusedNamingFileLineAndOffsetNothingImported(string? encoding, byte bad, string reason)
    {
        await _kit.DemoAsync();
        var before = await _kit.CountAsync("project_commitments");
        var file = WritePo([0x43, 0x61, 0x66, bad]);
        var offset = Encoding.ASCII.GetByteCount(Header + "Nguyen Garage Addition,7,Caf");

        var error = await Assert.ThrowsAsync<ExportFileFormatException>(() => _kit.Importer.ImportAsync(_kit.Data,
            new ExportImportRequest("buildertrend", file, null, false, "controller@demo", BundleEncoding.Parse(encoding)), CancellationToken.None));

        Assert.StartsWith($"po.csv line 2: byte offset {offset} (0x{bad:X2}) {reason}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _kit.CountAsync("project_commitments"));
    }

    [Fact]
    public async Task Cli_SourceWithEncoding_ImportsAndAnUnknownNameExitsTwo()
    {
        using var temp = new TempDataDirectory();
        var cli = new CliRunner(temp.Root);
        await cli.OkAsync("demo");
        var folder = Path.Combine(temp.Root, "in");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "po.csv");
        File.WriteAllBytes(file, [.. Encoding.ASCII.GetBytes(Header + "Nguyen Garage Addition,7,Caf"), 0xE9, .. Encoding.ASCII.GetBytes(",Sent,Bayside Concrete Co,$10.00,03-300\n")]);

        var plain = await cli.RunAsync("import", "--source", "buildertrend", file);
        var unknown = await cli.RunAsync("import", "--source", "buildertrend", "--encoding", "ebcdic", file);
        var named = await cli.RunAsync("import", "--source", "buildertrend", "--encoding", "windows-1252", file);

        Assert.Equal(2, plain.ExitCode);
        Assert.Contains("po.csv line 2: byte offset", plain.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("use utf-8 (the default), windows-1252 or latin1", unknown.Error);
        Assert.True(named.ExitCode == 0, named.Error + named.Out);
    }
}
