using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BackOffice.Host.Bench;

/// <summary>
/// `backoffice serve` as a child process on a free loopback port (issue 18), so the load generator and the server do
/// not share a heap and the server's memory is its own (VmRSS from /proc). Scheduled sweeps are switched off for the
/// bench tenant, so the figures are the API's alone.
/// </summary>
public sealed class ApiBenchServer : IAsyncDisposable
{
    private static readonly string[] Agents = ["financial", "collections", "documents", "workforce", "pricebook"];

    private readonly Process _process;

    private ApiBenchServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ApiBenchServer> StartAsync(ApiBenchTarget target, CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("no executable path to run the bench from"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "serve", "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BACKOFFICE_DATA"] = target.Data;
        start.Environment["BACKOFFICE_Logging__LogLevel__Default"] = "Warning";
        foreach (var agent in Agents)
        {
            // A cron that never fires in the bench's lifetime: no scheduled sweep competes with the requests.
            start.Environment[$"BACKOFFICE_Tenants__{target.Tenant}__Agents__{agent}__Schedule"] = "0 0 0 1 1 ? 2099";
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ApiBenchServer(process, address);
        await server.WaitHealthyAsync(cancellationToken);
        return server;
    }

    /// <summary>Resident memory of the server now, in MB (VmRSS), and its peak so far (VmHWM).</summary>
    public (double Resident, double Peak) MemoryMegabytes()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Field(string name) => status.Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Select(l => double.Parse(l[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024d).FirstOrDefault();
        return (Field("VmRSS:"), Field("VmHWM:"));
    }

    /// <summary>
    /// CPU time the server has used so far, user and system, in seconds (/proc/PID/stat fields 14 and 15, in clock
    /// ticks of 1/100 s on Linux): divided by the requests served, the cost of a request whatever else loads the machine.
    /// </summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100d;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        // Elapsed time, not the wall clock: a clock step during start-up must not cut or stretch the wait.
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(3))
        {
            if (_process.HasExited)
            {
                throw new BenchFailedException($"backoffice serve exited {_process.ExitCode} before answering /health");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: start-up (migrations, Kestrel) takes a few seconds on a loaded machine.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new BenchFailedException($"backoffice serve did not answer {Address}health within 3 minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
