using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace BackOffice.Host.Bench;

/// <summary>One proposal as the list shows it: enough to pick who approves it.</summary>
public sealed record ApiBenchProposal(long Id, string Agent, string State, string Risk);

/// <summary>
/// An open-loop load generator (issue 18): requests start on a fixed schedule, `rate` a second, whether or not earlier
/// ones have answered, so a slow server meets the same arrivals a busy office would send (a closed loop would slow
/// down with it and hide the queue). Three in ten requests list a page (the first, or the next after the last page
/// read), five show one proposal, two approve one (each proposed proposal once, by its department's lead; once all
/// are approved, approving again is the API's replay). Latency is measured from the moment a request is sent.
/// </summary>
/// <param name="only">Send only this operation (list, show or approve), to see what each costs; null for the mix.</param>
public sealed class ApiLoad(HttpClient client, ApiBenchTarget target, IReadOnlyList<ApiBenchProposal> proposals, string? only = null)
{
    public static readonly string[] Operations = ["list", "show", "approve"];

    private readonly ConcurrentQueue<ApiBenchProposal> _toApprove = new(proposals.Where(p => p.State == "proposed"));
    // A folder whose proposals an earlier run already decided starts with one of them, so its approvals replay too.
    private ApiBenchProposal? _lastApproved = proposals.LastOrDefault(p => p.State == "approved");
    private string? _cursor;

    /// <summary>Every proposal of the tenant, read a page at a time through the list API itself.</summary>
    public static async Task<List<ApiBenchProposal>> ReadAllAsync(HttpClient client, ApiBenchTarget target, CancellationToken cancellationToken)
    {
        var all = new List<ApiBenchProposal>();
        string? cursor = null;
        do
        {
            var page = await GetPageAsync(client, target, target.TokenByDepartment["finance"], cursor, 200, cancellationToken);
            all.AddRange(page["items"]!.AsArray().Select(p => new ApiBenchProposal(
                (long)p!["id"]!, (string)p["agent"]!, (string)p["state"]!, (string)p["risk"]!)));
            cursor = (string?)page["next"];
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>Sends <paramref name="rate"/> requests a second for <paramref name="seconds"/> seconds and returns every outcome.</summary>
    public async Task<ApiLoadResult> RunAsync(int rate, int seconds, CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentBag<ApiOutcome>();
        var tasks = new List<Task>(rate * seconds);
        var late = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rate * seconds;)
        {
            var due = i * 1000d / rate;
            var now = clock.Elapsed.TotalMilliseconds;
            if (now < due)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(due - now, 5)), cancellationToken);
                continue;
            }

            late += now - due > 50 ? 1 : 0;
            var operation = only ?? (i % 10) switch { < 3 => "list", < 5 => "approve", _ => "show" };
            tasks.Add(SendAsync(operation, i, outcomes, cancellationToken));
            i++;
        }

        await Task.WhenAll(tasks);
        return new ApiLoadResult([.. outcomes], clock.Elapsed.TotalSeconds, late);
    }

    private async Task SendAsync(string operation, int n, ConcurrentBag<ApiOutcome> outcomes, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        string? error;
        try
        {
            error = operation switch
            {
                "list" => await ListAsync(n, cancellationToken),
                "approve" => await ApproveAsync(cancellationToken),
                _ => await ShowAsync(n, cancellationToken),
            };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // A timeout or a refused connection is an error of the run, not of the bench: counted and named.
            error = e.GetType().Name;
        }

        outcomes.Add(new ApiOutcome(operation, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error));
    }

    private async Task<string?> ListAsync(int n, CancellationToken cancellationToken)
    {
        var cursor = n % 4 == 0 ? null : Volatile.Read(ref _cursor);
        var page = await GetPageAsync(client, target, target.TokenByDepartment["finance"], cursor, 50, cancellationToken);
        Volatile.Write(ref _cursor, (string?)page["next"]);
        return null;
    }

    private async Task<string?> ShowAsync(int n, CancellationToken cancellationToken)
    {
        var id = proposals[(int)((n * 7919L) % proposals.Count)].Id;
        using var request = Request(HttpMethod.Get, $"proposals/{id}", target.TokenByDepartment["finance"]);
        using var response = await client.SendAsync(request, cancellationToken);
        _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
    }

    private async Task<string?> ApproveAsync(CancellationToken cancellationToken)
    {
        // Once every proposed proposal is taken, approve the last one again: the API's replay (a read), not a new approval.
        var proposal = _toApprove.TryDequeue(out var next) ? next : Volatile.Read(ref _lastApproved);
        if (proposal is null)
        {
            return "nothing to approve";
        }

        var department = target.AgentDepartments.TryGetValue(proposal.Agent, out var d) ? d : "finance";
        using var request = Request(HttpMethod.Post, $"proposals/{proposal.Id}/approve", target.TokenByDepartment[department]);
        using var response = await client.SendAsync(request, cancellationToken);
        _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Volatile.Write(ref _lastApproved, proposal);
        return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
    }

    private static async Task<JsonObject> GetPageAsync(
        HttpClient client, ApiBenchTarget target, string token, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var query = cursor is null ? $"proposals?limit={limit}" : $"proposals?limit={limit}&cursor={Uri.EscapeDataString(cursor)}";
        using var request = Request(HttpMethod.Get, query, token, target.Tenant);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStreamAsync(cancellationToken))!.AsObject();
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string token) => Request(method, path, token, target.Tenant);

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, string tenant) =>
        new(method, new Uri($"/api/tenants/{tenant}/{path}", UriKind.Relative))
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        };
}
