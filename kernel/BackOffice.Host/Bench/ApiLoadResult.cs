using System.Text.Json.Nodes;

namespace BackOffice.Host.Bench;

/// <summary>One request: which operation, how long it took from sending to the whole answer read, and its error (null when it succeeded).</summary>
public sealed record ApiOutcome(string Operation, double Milliseconds, string? Error);

/// <summary>
/// Everything one load run saw, and its table: per operation and in all, requests, errors, the latency percentiles
/// (nearest rank over every request, failed ones included) and the throughput of answered requests.
/// </summary>
/// <param name="Late">Requests the generator sent more than 50 ms after their time (the client, not the server, fell behind).</param>
public sealed record ApiLoadResult(IReadOnlyList<ApiOutcome> Outcomes, double Seconds, int Late)
{
    public IReadOnlyList<JsonObject> Rows()
    {
        var groups = Outcomes.GroupBy(o => o.Operation).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, [.. g])).ToList();
        groups.Add(Row("all", Outcomes));
        return groups;
    }

    /// <summary>Errors by kind ("HTTP 500", "TaskCanceledException"...), most frequent first.</summary>
    public IEnumerable<string> ErrorKinds() =>
        Outcomes.Where(o => o.Error is not null).GroupBy(o => $"{o.Operation}: {o.Error}")
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} x{g.Count()}");

    public static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100d * sorted.Count) - 1, 0, sorted.Count - 1)];

    private JsonObject Row(string operation, IReadOnlyList<ApiOutcome> outcomes)
    {
        var sorted = outcomes.Select(o => o.Milliseconds).Order().ToList();
        var errors = outcomes.Count(o => o.Error is not null);
        return new JsonObject
        {
            ["operation"] = operation,
            ["requests"] = outcomes.Count,
            ["errors"] = errors,
            ["p50_ms"] = Math.Round(Percentile(sorted, 50), 1),
            ["p95_ms"] = Math.Round(Percentile(sorted, 95), 1),
            ["p99_ms"] = Math.Round(Percentile(sorted, 99), 1),
            ["max_ms"] = Math.Round(sorted.Count == 0 ? double.NaN : sorted[^1], 1),
            ["ok_per_s"] = Math.Round((outcomes.Count - errors) / Seconds, 1),
        };
    }
}
