using System.Text;
using BackOffice.Host.Composition;
using BackOffice.Store.Bundle;
using BackOffice.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Tests.Bundle;

/// <summary>
/// Issue 19: `import --encoding windows-1252|latin1` for legacy exports, decoded strictly; and a committed import whose
/// raw files were never moved (a crash between commit and move) is finished when the host starts, exactly once.
/// </summary>
public sealed class LegacyEncodingTests : IDisposable
{
    private readonly BundleTestKit _kit = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _kit.Dispose();

    /// <summary>Writes "Rivéra Plumbing" with é as the single byte 0xE9, as windows-1252 and latin1 both encode it.</summary>
    private void WriteLegacyVendor(byte accent = 0xE9)
    {
        var path = Path.Combine(_kit.Bundle, "ledger", "vendors.csv");
        var text = File.ReadAllText(path).Replace("Rivera Plumbing", "RivXra Plumbing", StringComparison.Ordinal);
        var bytes = Encoding.ASCII.GetBytes(text);
        bytes[Array.IndexOf(bytes, (byte)'X')] = accent;
        File.WriteAllBytes(path, bytes);
    }

    private Task<ImportSummary> ImportAsync(string encoding) =>
        new BundleImporter(_kit.Clock).ImportAsync(_kit.Bundle, _kit.Temp.Tenant(BundleTestKit.Tenant), "controller@demo", null,
            BundleEncoding.Parse(encoding), _ct);

    [Theory]
    [InlineData("windows-1252")]
    [InlineData("cp1252")]
    [InlineData("latin1")]
    [InlineData("ISO-8859-1")]
    public async Task ImportAsync_LegacyBytesWithTheirEncoding_StoredAsTheRightCharacters(string encoding)
    {
        WriteLegacyVendor();

        await ImportAsync(encoding);

        Assert.Equal("Rivéra Plumbing", await _kit.ScalarAsync<string>("SELECT name FROM ledger_vendors WHERE id = 'lv-57'"));
    }

    [Fact]
    public async Task ImportAsync_ByteUndefinedInWindows1252_NamesFileLineAndOffsetAndWritesNothing()
    {
        WriteLegacyVendor(accent: 0x81);

        var error = Assert.Single((await Assert.ThrowsAsync<BundleValidationException>(() => ImportAsync("windows-1252"))).Errors);

        Assert.Equal(("ledger/vendors.csv", (int?)3), (error.File, error.Line));
        Assert.Contains("(0x81) is not valid windows-1252; the file is not windows-1252", error.Message);
        Assert.Equal(0, await _kit.EverythingAsync());
    }

    [Theory]
    [InlineData("ebcdic")]
    [InlineData("utf-16")]
    [InlineData("shift_jis")]
    public void Parse_UnsupportedName_ClearErrorListingTheChoices(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => BundleEncoding.Parse(name));
        Assert.StartsWith($"--encoding '{name}' is not supported: use utf-8 (the default), windows-1252 or latin1.", error.Message);
    }

    [Fact]
    public async Task Cli_ImportWithAnUnsupportedEncoding_Exit2BeforeReading()
    {
        var cli = new CliRunner(_kit.Temp.Root);
        await cli.OkAsync("tenant", "create", "demo");

        var result = await cli.RunAsync("import", "--tenant", "demo", "--encoding", "ebcdic", _kit.Bundle);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--encoding 'ebcdic' is not supported", result.Error);
    }

    [Fact]
    public async Task HostStart_CrashBetweenCommitAndMove_FilesInPlaceExactlyOnce()
    {
        await new CliRunner(_kit.Temp.Root).OkAsync("tenant", "create", "demo");
        await _kit.ImportAsync();
        var tenant = _kit.Temp.Tenant(BundleTestKit.Tenant, _kit.Clock);
        var before = Directory.GetFiles(tenant.FilesFolder("inbox")).Length;
        // The crash: the import's transaction recorded token t9 and its staged file, then the process died before the move.
        var staged = Path.Combine(tenant.Folder, ".staging", "t9", "inbox");
        Directory.CreateDirectory(staged);
        File.WriteAllText(Path.Combine(staged, "late-invoice.pdf"), "staged bytes");
        await using (var connection = await tenant.OpenAsync(_ct))
        {
            await connection.ExecuteAsync("INSERT INTO bundle_file_moves (token, staged_at) VALUES ('t9', '2026-11-27T00:00:00Z')");
        }

        // The restart, twice: the real host's start-up services, as `serve` runs them.
        for (var start = 0; start < 2; start++)
        {
            using var host = BackOfficeServices.CreateBuilder(_kit.Temp.Data).Build();
            await host.Services.GetServices<IHostedService>().OfType<StagedMoveRecovery>().Single().StartAsync(_ct);
        }

        Assert.Equal(before + 1, Directory.GetFiles(tenant.FilesFolder("inbox")).Length);
        Assert.Equal("staged bytes", File.ReadAllText(Path.Combine(tenant.FilesFolder("inbox"), "late-invoice.pdf")));
        Assert.Equal(0, await _kit.CountAsync("bundle_file_moves"));
        Assert.False(Directory.Exists(Path.Combine(tenant.Folder, ".staging", "t9")));
    }
}
