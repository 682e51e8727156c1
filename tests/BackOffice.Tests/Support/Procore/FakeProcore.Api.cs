using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Tests.Support.Procore;

/// <summary>
/// REST under /rest/v1.0 and /rest/v1.1 (procore.md sections 2-4). Every call needs a live bearer token (401 "The
/// access token is invalid" otherwise, error_reference.md) and, except the company list, the Procore-Company-Id header
/// ("Missing Procore-Company-Id header!", tutorial_mpz.md). Lists page by page/per_page with Link, Total and Per-Page
/// (pagination.md); every answer carries X-Rate-Limit-Limit/Remaining/Reset and an exhausted window is 429 with
/// Retry-After (rate_limiting.md, error_reference.md).
/// </summary>
public sealed partial class FakeProcore
{
    private int _requests;
    private int _throttled;
    private int _windowCount;
    private DateTimeOffset _windowEnds = DateTimeOffset.MinValue;

    public int ApiRequests => Volatile.Read(ref _requests);

    /// <summary>Each API request's path and query, in order, to see what a sync asked for.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Requested { get; } = new();

    /// <summary>Requests whose path and query match are answered 500, as an outage in the middle of a sync.</summary>
    public Func<string, bool>? FailWhen { get; set; }

    /// <summary>The Procore-Company-Id header of each company list request ("" when none was sent).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> CompanyListHeaders { get; } = new();

    /// <summary>The company is in a region where a DMSA token must name it even on the company list (MPR).</summary>
    public bool MultipleRegions { get; set; }

    /// <summary>Requests answered 429.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Requests allowed per window (the docs' examples: 3,600 an hour, 25 per 10-second spike window).</summary>
    public int RateLimit { get; set; } = 100_000;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The next N API requests are answered 429 whatever the window says.</summary>
    public int ThrottleNext { get; set; }

    /// <summary>When set, a list answers only pages up to this size whatever per_page asks (Procore caps it).</summary>
    public int MaxPerPage { get; set; } = 2000;

    private void MapApi(WebApplication app) => app.MapGet("/rest/{version}/{**path}", (HttpContext http, string version, string path) =>
    {
        Interlocked.Increment(ref _requests);
        var asked = http.Request.Path + http.Request.QueryString;
        Requested.Enqueue(asked);
        if (FailWhen?.Invoke(asked) == true)
        {
            return Results.Json(new { errors = "Internal Server Error" }, statusCode: 500);
        }

        var refused = Refuse(http, path);
        if (refused is not null)
        {
            return refused;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (key, id) = Resolve(segments, http.Request.Query["project_id"].ToString());
        lock (Lock)
        {
            if (id is null)
            {
                return Page(http, Filter(List(key), http.Request.Query));
            }

            var item = List(key).FirstOrDefault(i => (long?)i["id"] == id);
            return item is null ? Results.Json(new { errors = "Not Found" }, statusCode: 404) : Results.Text(item.ToJsonString(), "application/json");
        }
    });

    /// <summary>projects/{p}/commitment_change_orders[/{id}], work_order_contracts/{c}/line_items, budget_views/{v}/detail_rows, work_order_contracts[/{id}].</summary>
    private static (string Key, long? Id) Resolve(string[] s, string projectId) => s.Length switch
    {
        // All of a project's direct cost line items: GET /rest/v1.0/projects/{p}/direct_costs/line_items.
        4 when s[0] == "projects" && s[3] == "line_items" => ($"direct_cost_lines:{s[1]}", null),
        // A vendor's insurances: GET /rest/v1.0/companies/{c}/vendors/{v}/insurances.
        5 when s[0] == "companies" && s[2] == "vendors" => ($"{s[4]}:{s[3]}", null),
        >= 3 when s[0] == "projects" => ($"{s[2]}:{s[1]}", s.Length > 3 ? long.Parse(s[3], CultureInfo.InvariantCulture) : null),
        3 => ($"{s[2]}:{s[1]}", null),
        2 => (projectId.Length > 0 ? $"{s[0]}:{projectId}" : s[0], long.Parse(s[1], CultureInfo.InvariantCulture)),
        _ => (projectId.Length > 0 ? $"{s[0]}:{projectId}" : s[0], null),
    };

    private IResult? Refuse(HttpContext http, string path)
    {
        if (!AccessTokenValid(http.Request.Headers.Authorization.ToString()))
        {
            return Results.Json(new { errors = "The access token is invalid" }, statusCode: 401);
        }

        var company = http.Request.Headers["Procore-Company-Id"].ToString();
        if (path == "companies")
        {
            return CompanyListRefusal(http, company) ?? CountAgainstLimit(http);
        }

        if (company != CompanyId.ToString(CultureInfo.InvariantCulture))
        {
            return Results.Json(new { errors = "Missing Procore-Company-Id header!" }, statusCode: 400);
        }

        return CountAgainstLimit(http);
    }

    /// <summary>
    /// GET /rest/v1.0/companies needs no company header from a person's token; a DMSA token across Procore regions must
    /// send it even here (oauth_client_credentials.md, "Using Developer Managed Service Accounts with MPR"). A header
    /// naming a company the app is not installed in is 403 "App is not connected to this company" (error_reference.md).
    /// </summary>
    private IResult? CompanyListRefusal(HttpContext http, string company)
    {
        CompanyListHeaders.Enqueue(company);
        if (company.Length == 0)
        {
            return MultipleRegions && IsServiceAccount(http.Request.Headers.Authorization.ToString())
                ? Results.Json(new { errors = "Missing Procore-Company-Id header!" }, statusCode: 400)
                : null;
        }

        return company == CompanyId.ToString(CultureInfo.InvariantCulture)
            ? null
            : Results.Json(new { errors = "App is not connected to this company" }, statusCode: 403);
    }

    private IResult? CountAgainstLimit(HttpContext http)
    {
        int remaining;
        DateTimeOffset reset;
        bool forced;
        lock (Lock)
        {
            var now = Clock.GetUtcNow();
            if (now >= _windowEnds)
            {
                (_windowEnds, _windowCount) = (now + RateWindow, 0);
            }

            forced = ThrottleNext > 0 && ThrottleNext-- > 0;
            remaining = RateLimit - ++_windowCount;
            reset = _windowEnds;
        }

        var headers = http.Response.Headers;
        headers["X-Rate-Limit-Limit"] = RateLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Remaining"] = Math.Max(remaining, 0).ToString(CultureInfo.InvariantCulture);
        // Reset is whole Unix seconds: round up, so waiting until it never lands inside the window it names.
        headers["X-Rate-Limit-Reset"] = ((long)Math.Ceiling(reset.ToUnixTimeMilliseconds() / 1000.0)).ToString(CultureInfo.InvariantCulture);
        if (remaining >= 0 && !forced)
        {
            return null;
        }

        Interlocked.Increment(ref _throttled);
        headers.RetryAfter = forced ? "0" : Math.Ceiling((reset - Clock.GetUtcNow()).TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Results.Json(new { message = "You have surpassed the max number of requests for an hour. Please wait until your limit resets." }, statusCode: 429);
    }

    /// <summary>filters[contract_id] and filters[updated_at]=FROM...TO (filtering_on_list_actions.md); other filters are not needed by the client.</summary>
    private static List<JsonObject> Filter(List<JsonObject> items, IQueryCollection query)
    {
        var contract = query["filters[contract_id]"].ToString();
        if (contract.Length > 0)
        {
            items = items.Where(i => i["contract_id"]?.ToJsonString() == contract).ToList();
        }

        var range = query["filters[updated_at]"].ToString();
        if (range.Length == 0)
        {
            return items;
        }

        var parts = range.Split("...");
        var from = DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture);
        return items.Where(i => DateTimeOffset.Parse((string)i["updated_at"]!, CultureInfo.InvariantCulture) is var u && u >= from && u <= to).ToList();
    }

    private IResult Page(HttpContext http, List<JsonObject> items)
    {
        var q = http.Request.Query;
        var page = int.TryParse(q["page"], out var p) && p > 0 ? p : 1;
        var perPage = Math.Min(int.TryParse(q["per_page"], out var n) && n > 0 ? n : 100, MaxPerPage);
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var links = new List<string> { Link(http, 1, perPage, "first") };
        if (page > 1)
        {
            links.Add(Link(http, page - 1, perPage, "prev"));
        }

        links.Add(Link(http, last, perPage, "last"));
        if (page < last)
        {
            links.Add(Link(http, page + 1, perPage, "next"));
        }

        http.Response.Headers["Link"] = string.Join(", ", links);
        http.Response.Headers["Total"] = items.Count.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["Per-Page"] = perPage.ToString(CultureInfo.InvariantCulture);
        return Results.Text(new JsonArray([.. items.Skip((page - 1) * perPage).Take(perPage).Select(ListView)]).ToJsonString(), "application/json");
    }

    /// <summary>A list answers without what only the show carries (a payment application's g703[], procore.md section 4).</summary>
    private static JsonNode ListView(JsonObject item)
    {
        var copy = (JsonObject)item.DeepClone();
        copy.Remove("g703");
        return copy;
    }

    private string Link(HttpContext http, int page, int perPage, string rel)
    {
        var query = http.Request.Query.Where(kv => kv.Key is not ("page" or "per_page"))
            .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}")
            .Concat([$"page={page}", $"per_page={perPage}"]);
        return $"<{BaseUrl}{http.Request.Path}?{string.Join('&', query)}>; rel=\"{rel}\"";
    }
}
