using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BackOffice.Tests.Gate;

/// <summary>
/// Issue 19: the crash-point matrix with real process deaths. The `backoffice` executable runs as a child process with
/// BACKOFFICE_CRASH_AT naming one of <see cref="CrashPointMatrixTests"/>' steps; a trigger on that write calls
/// crash_point(name) and the child kills itself (SIGKILL) in the middle of the write. Then the command is run again
/// (a restart; the execution lease is 1 s so a dead claim expires), until the proposal reaches its state. Every point
/// ends with exactly one sandbox bill (none after undo), one executed (undone) event and `audit verify` exit 0.
/// </summary>
public sealed class CrashProcessMatrixTests(CrashProcessMatrixTests.Template template) : IClassFixture<CrashProcessMatrixTests.Template>, IDisposable
{
    private readonly TempDataDirectory _temp = template.Copy();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(CrashPointMatrixTests.ExecutePoints), MemberType = typeof(CrashPointMatrixTests))]
    public async Task Execute_ProcessKilledAtEachWrite_RestartEndsWithOneBillAndAnIntactChain(string point, string trigger)
    {
        await CrashAsync(point, trigger, "execute");

        var state = await RestartUntilAsync("execute", "executed");

        Assert.Equal("executed", state);
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM ledger_bills WHERE origin = 'sandbox'"));
        Assert.Equal(1, await EventsAsync("proposal.executed"));
        Assert.Equal(0, (await new CliRunner(_temp.Root).RunAsync("audit", "verify")).ExitCode);
    }

    [Theory]
    [MemberData(nameof(CrashPointMatrixTests.UndoPoints), MemberType = typeof(CrashPointMatrixTests))]
    public async Task Undo_ProcessKilledAtEachWrite_RestartEndsWithNoBillAndAnIntactChain(string point, string trigger)
    {
        Assert.Equal(0, (await RunChildAsync(null, "proposals", "execute", template.Id, "--as", "dana")).ExitCode);
        await CrashAsync(point, trigger, "undo");

        var state = await RestartUntilAsync("undo", "reverted");

        Assert.Equal("reverted", state);
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM ledger_bills WHERE origin = 'sandbox'"));
        Assert.Equal(1, await EventsAsync("proposal.undone"));
        Assert.Equal(0, (await new CliRunner(_temp.Root).RunAsync("audit", "verify")).ExitCode);
    }

    /// <summary>Runs the verb in a child that dies at <paramref name="point"/>; asserts it was killed there.</summary>
    private async Task CrashAsync(string point, string trigger, string verb)
    {
        await SqlAsync($"CREATE TRIGGER crash_here {trigger} BEGIN SELECT crash_point('{point}'); END;");
        var killed = await RunChildAsync(point, "proposals", verb, template.Id, "--as", "dana");
        await SqlAsync("DROP TRIGGER crash_here;");

        Assert.True(killed.ExitCode == 128 + 9, $"{point}: exit {killed.ExitCode}, {killed.Error}");
        Assert.Contains($"killed at crash point '{point}'", killed.Error, StringComparison.Ordinal);
    }

    /// <summary>Restarts: waits out the dead claim's 1 s lease, then runs the verb again until the state is reached.</summary>
    private async Task<string> RestartUntilAsync(string verb, string state)
    {
        var current = "";
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            current = await StateAsync();
            if (current == state)
            {
                break;
            }

            _ = await RunChildAsync(null, "proposals", verb, template.Id, "--as", "dana");
        }

        return await StateAsync();
    }

    private async Task<string> StateAsync() =>
        (string)(await new CliRunner(_temp.Root).OkAsync("proposals", "show", template.Id, "--json")).Json["state"]!;

    private async Task<int> EventsAsync(string kind) =>
        (await new CliRunner(_temp.Root).OkAsync("audit", "list", "--subject", $"proposal:{template.Id}", "--json")).Json.AsArray()
        .Count(e => (string?)e!["kind"] == kind);

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task SqlAsync(string sql)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_temp.Root, "tenants", "demo", "tenant.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private async Task<CliRunner.Result> RunChildAsync(string? crashAt, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "backoffice"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var arg in args.Concat(["--data", _temp.Root]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["BACKOFFICE_Gate__ExecutionLeaseSeconds"] = "1";
        if (crashAt is not null)
        {
            start.Environment["BACKOFFICE_CRASH_AT"] = crashAt;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRunner.Result(process.ExitCode, await output, await error);
    }

    /// <summary>The demo, once per class, with the Rivera bill RP-2315 approved by dana and writes on; each test copies it.</summary>
    public sealed class Template : IAsyncLifetime, IDisposable
    {
        private readonly TempDataDirectory _temp = new();

        public string Id { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var cli = new CliRunner(_temp.Root);
            await cli.OkAsync("demo");
            var proposals = (await cli.OkAsync("proposals", "list", "--agent", "financial", "--json")).Json.AsArray();
            var rivera = proposals.Single(p => ((string)p!["title"]!).Contains("RP-2315", StringComparison.Ordinal))!;
            Id = ((long)rivera["id"]!).ToString(CultureInfo.InvariantCulture);
            await cli.OkAsync("proposals", "approve", Id, "--as", "dana");
            await cli.OkAsync("writes", "on", "--as", "sam");
            await cli.OkAsync("agents", "set", "financial", "--writes", "on", "--as", "sam");
            SqliteConnection.ClearAllPools();
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => _temp.Dispose();

        public TempDataDirectory Copy()
        {
            var copy = new TempDataDirectory();
            foreach (var file in Directory.EnumerateFiles(_temp.Root, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy.Root, Path.GetRelativePath(_temp.Root, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            return copy;
        }
    }
}
