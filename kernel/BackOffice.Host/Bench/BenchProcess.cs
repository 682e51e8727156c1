using System.Diagnostics;
using System.Globalization;

namespace BackOffice.Host.Bench;

/// <summary>One measured run: wall time, the process's peak resident memory, and the 1-minute load average when it started.</summary>
public sealed record BenchSample(double Seconds, double PeakMegabytes, double Load);

/// <summary>
/// Runs the backoffice executable itself as a child process (issue 18), so each figure is what a person running the
/// command sees, start-up included, and its peak memory is its own: VmHWM from /proc, read until the process exits.
/// </summary>
public static class BenchProcess
{
    public static Task<BenchSample> RunAsync(string dataFolder, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(dataFolder, arguments, new Dictionary<string, string>(), cancellationToken);

    /// <param name="environment">Settings the child runs with beyond the bench's own (issue 18: the store engine and its database).</param>
    public static async Task<BenchSample> RunAsync(
        string dataFolder, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var load = LoadAverage();
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("no executable path to run the bench from"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BACKOFFICE_DATA"] = dataFolder;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        double peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakMegabytes(process.Id));
        }

        clock.Stop();
        await Task.WhenAll(output, error);
        if (process.ExitCode != 0)
        {
            throw new BenchFailedException($"backoffice {string.Join(' ', arguments)} exited {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
        }

        return new BenchSample(clock.Elapsed.TotalSeconds, peak, load);
    }

    /// <summary>VmHWM of a running process in MB; 0 once it has exited (the last reading before that stands).</summary>
    private static double PeakMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024d;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static double LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture)
            : double.NaN;
}

/// <summary>A benchmark step failed: the child's exit code and what it said.</summary>
public sealed class BenchFailedException(string message) : Exception(message);
