using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BackOffice.Tests.Support.Postgres;

/// <summary>
/// Issue 18: `backoffice serve` as a real child process (`dotnet backoffice.dll serve --urls ...` from the built
/// host's output folder) on a free loopback port, configured by BACKOFFICE_ environment variables only, with its
/// output kept for failure messages. <see cref="KillHard"/> is kill -9: no shutdown hook, no Quartz check-out.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    // The host's own notices ("backoffice: paused at ..."), kept whole: the bounded tail drops old lines on a long run.
    private readonly ConcurrentQueue<string> _notices = new();

    private ServeProcess(string label, Process process, Uri address)
    {
        Label = label;
        _process = process;
        Address = address;
    }

    public string Label { get; }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>The host's build output: the same configuration (Debug/Release) as the tests that run it.</summary>
    public static string HostDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(RepoPaths.Root, "kernel", "BackOffice.Host", "bin", configuration, "net10.0", "backoffice.dll");
        }
    }

    public static async Task<ServeProcess> StartAsync(string label, IReadOnlyDictionary<string, string> settings, TimeSpan patience)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { HostDll, "serve", "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + HostDll);
        var serve = new ServeProcess(label, process, address);
        process.OutputDataReceived += (_, e) => serve.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => serve.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await serve.WaitHealthyAsync(patience);
        return serve;
    }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Tail(int lines = 30) => $"[{Label}] " + string.Join("\n", _output.TakeLast(lines));

    /// <summary>Whether the process has written a line containing <paramref name="text"/> (e.g. that it paused, issue 18).</summary>
    public bool Wrote(string text) => _notices.Concat(_output).Any(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>SIGKILL, as a crashed machine: the process gets no chance to finish or hand anything back.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        KillHard();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.StartsWith("backoffice: ", StringComparison.Ordinal))
        {
            _notices.Enqueue(line);
        }

        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
            // Bounded: a long run logs a line per tick.
        }
    }

    private async Task WaitHealthyAsync(TimeSpan patience)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < patience)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"serve {Label} exited {_process.ExitCode} before answering /health\n{Tail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: migrations and Kestrel take a few seconds on a loaded machine.
            }
            catch (TaskCanceledException)
            {
                // The 5-second request timeout on a loaded machine: ask again until the patience runs out.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"serve {Label} did not answer {Address}health within {patience}\n{Tail()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
