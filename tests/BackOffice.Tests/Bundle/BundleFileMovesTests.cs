using BackOffice.Store.Bundle;
using Dapper;

namespace BackOffice.Tests.Bundle;

/// <summary>Issue 19: raw files are staged inside the import's unit; a crash between commit and move is recovered at the next start.</summary>
public sealed class BundleFileMovesTests : IDisposable
{
    private readonly BundleTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private string Staging(string token, string kind, string name)
    {
        var folder = Path.Combine(_kit.Temp.Root, "tenants", BundleTestKit.Tenant, ".staging", token, kind);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "staged");
        return path;
    }

    [Fact]
    public async Task RecoverAsync_CommittedTokenLeftByACrash_MovesTheFilesIntoPlace()
    {
        await _kit.ImportAsync();
        var tenant = _kit.Temp.Tenant(BundleTestKit.Tenant, _kit.Clock);
        Staging("t1", "inbox", "late.pdf");
        await using (var connection = await tenant.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO bundle_file_moves (token, staged_at) VALUES ('t1', '2026-11-27T00:00:00Z')");
        }

        Assert.Equal((1, 0), await BundleFileMoves.RecoverAsync(tenant, CancellationToken.None));
        Assert.Equal("staged", File.ReadAllText(Path.Combine(tenant.FilesFolder("inbox"), "late.pdf")));
        Assert.Equal(0, await _kit.CountAsync("bundle_file_moves"));
        Assert.False(Directory.Exists(Path.Combine(tenant.Folder, ".staging", "t1")));
    }

    [Fact]
    public async Task RecoverAsync_TokenNeverCommitted_DeletesTheStagedFiles()
    {
        await _kit.ImportAsync();
        var tenant = _kit.Temp.Tenant(BundleTestKit.Tenant, _kit.Clock);
        Staging("t2", "inbox", "rolled-back.pdf");

        Assert.Equal((0, 1), await BundleFileMoves.RecoverAsync(tenant, CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(tenant.FilesFolder("inbox"), "rolled-back.pdf")));
        Assert.False(Directory.Exists(Path.Combine(tenant.Folder, ".staging", "t2")));
    }

    [Fact]
    public async Task ImportAsync_AfterACommittedImport_LeavesNoStagingAndNoToken()
    {
        await _kit.ImportAsync();
        var tenant = _kit.Temp.Tenant(BundleTestKit.Tenant, _kit.Clock);
        Assert.Equal(0, await _kit.CountAsync("bundle_file_moves"));
        Assert.Empty(Directory.Exists(Path.Combine(tenant.Folder, ".staging")) ? Directory.GetDirectories(Path.Combine(tenant.Folder, ".staging")) : []);
        Assert.True(_kit.CopiedFiles() > 0);
    }

    [Fact]
    public async Task ImportAsync_NotUtf8_NamesFileLineAndByteOffset()
    {
        var path = Path.Combine(_kit.Bundle, "ledger", "vendors.csv");
        var bytes = File.ReadAllBytes(path);
        var secondLine = Array.IndexOf(bytes, (byte)'\n') + 1;
        bytes[secondLine + 2] = 0xE9;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Single((await _kit.ImportFailsAsync()).Errors);
        Assert.Equal(("ledger/vendors.csv", (int?)2), (error.File, error.Line));
        Assert.Equal($"byte offset {secondLine + 2} (0xE9) is not valid UTF-8; save the file as UTF-8, or name its encoding with --encoding windows-1252 or latin1, and import again", error.Message);
        Assert.Equal(0, await _kit.EverythingAsync());
    }
}
