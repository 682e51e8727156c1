using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Tests.Support.QuickBooks;

/// <summary>
/// The v3 API under <c>/v3/company/{realmId}</c> (qbo.md sections 2-8): every request needs <c>minorversion</c> and a
/// live bearer token (401 with the lowercase gateway fault of routablehq/python-quickbooks#250 otherwise), may be
/// throttled (429, code 3001, as in intuit/QuickBooks-V3-PHP-SDK#54), and answers with an <c>intuit_tid</c> header.
/// </summary>
public sealed partial class FakeQuickBooks
{
    private static readonly Dictionary<string, string> UrlEntities = new(StringComparer.Ordinal)
    {
        ["bill"] = "Bill", ["journalentry"] = "JournalEntry", ["invoice"] = "Invoice",
    };

    /// <summary>Issue 13: every entity can be read by id (GET /{entity lowercase}/{id}, qbo.md section 6), as a webhook's fetch does.</summary>
    private static readonly Dictionary<string, string> ReadableEntities = new(StringComparer.Ordinal)
    {
        ["bill"] = "Bill", ["journalentry"] = "JournalEntry", ["invoice"] = "Invoice", ["account"] = "Account", ["customer"] = "Customer",
        ["vendor"] = "Vendor", ["item"] = "Item", ["class"] = "Class", ["term"] = "Term", ["payment"] = "Payment",
        ["purchaseorder"] = "PurchaseOrder", ["billpayment"] = "BillPayment", ["creditmemo"] = "CreditMemo", ["vendorcredit"] = "VendorCredit",
    };

    private void MapApi(WebApplication app)
    {
        var company = app.MapGroup("/v3/company/{realm}");
        company.AddEndpointFilter(async (context, next) =>
        {
            CountIn();
            try
            {
                return Gatekeep(context.HttpContext) ?? await next(context);
            }
            finally
            {
                CountOut();
            }
        });
        company.MapGet("/query", (HttpRequest request) => Query(request.Query["query"].ToString()));
        company.MapGet("/cdc", (HttpRequest request) => Cdc(request.Query["entities"].ToString(), request.Query["changedSince"].ToString()));
        company.MapGet("/{entity}/{id}", (string entity, string id) => Read(entity, id));
        company.MapPost("/{entity}", WriteAsync);
    }

    /// <summary>The checks every API request passes first; null lets it through.</summary>
    private IResult? Gatekeep(HttpContext context)
    {
        context.Response.Headers["intuit_tid"] = Guid.NewGuid().ToString();
        if (context.Request.RouteValues["realm"]?.ToString() != Realm)
        {
            return Fault(403, "AuthorizationFault", "3100", "message=AuthorizationFailed; errorCode=003100; statusCode=403", "");
        }

        if (string.IsNullOrEmpty(context.Request.Query["minorversion"]))
        {
            return Fault(400, "ValidationFault", "2020", "Required param missing, need to supply the required value for the API", "minorversion");
        }

        if (!AccessTokenValid(context.Request.Headers.Authorization))
        {
            return Results.Json(new JsonObject
            {
                ["fault"] = new JsonObject
                {
                    ["error"] = new JsonArray(new JsonObject
                    {
                        ["message"] = "message=AuthenticationFailed; errorCode=003200; statusCode=401",
                        ["detail"] = "Token expired", ["code"] = "3200", ["element"] = null,
                    }),
                    ["type"] = "AUTHENTICATION",
                },
            }, statusCode: 401);
        }

        if (ThrottleNext > 0)
        {
            ThrottleNext--;
            return Fault(429, "SERVICE", "3001", "message=ThrottleExceeded; errorCode=003001; statusCode=429", "The request limit was reached.  Try again later");
        }

        if (GarbleNext > 0)
        {
            GarbleNext--;
            return Results.Content("{\"QueryResponse\":{\"Bill\":[{\"Id\":", "application/json", statusCode: 200);
        }

        return null;
    }

    private IResult Read(string urlEntity, string id)
    {
        if (urlEntity == "companyinfo" && CompanyInfoFails)
        {
            // A SystemFault (qbo.md section 7); python-quickbooks treats codes of 10000 and above as severe.
            return Fault(500, "SystemFault", "10000", "An application error has occurred while processing your request", "System Failure Error");
        }

        if (urlEntity == "companyinfo")
        {
            return Reply(new JsonObject { ["CompanyInfo"] = new JsonObject { ["Id"] = Realm, ["CompanyName"] = CompanyName, ["SyncToken"] = "0" } });
        }

        if (!ReadableEntities.TryGetValue(urlEntity, out var entity))
        {
            return Fault(400, "ValidationFault", "4000", "Unsupported entity", urlEntity);
        }

        var body = long.TryParse(id, CultureInfo.InvariantCulture, out _) ? Find(entity, id) : null;
        return body is null
            ? Fault(400, "ValidationFault", "610", "Object Not Found", $"Object Not Found : Something you're trying to use has been made inactive or deleted: {entity} {id}")
            : Reply(new JsonObject { [entity] = body });
    }

    private async Task<IResult> WriteAsync(HttpContext context, [Microsoft.AspNetCore.Mvc.FromRoute(Name = "entity")] string urlEntity)
    {
        if (!UrlEntities.TryGetValue(urlEntity, out var entity))
        {
            return Fault(400, "ValidationFault", "4000", "Unsupported entity", urlEntity);
        }

        JsonObject body;
        try
        {
            body = (await JsonNode.ParseAsync(context.Request.Body))?.AsObject() ?? throw new FormatException("empty body");
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            return Fault(400, "ValidationFault", "2010", "Request has invalid or unsupported property", ex.Message);
        }

        // requestid (qbo.md section 2; Intuit's developer blog "Using the requestid parameter" 2015-04-06 and
        // QuickBooks-V3-DotNET-SDK RestHandler.cs): a repeat of a requestid within a company returns the original
        // response byte for byte instead of carrying the write out again.
        var requestId = context.Request.Query["requestid"].ToString();
        var delete = context.Request.Query["operation"] == "delete";
        Writes.Enqueue((entity, requestId, delete));
        if (requestId.Length > 0 && Replies.TryGetValue($"{Realm}|{requestId}", out var seen))
        {
            Interlocked.Increment(ref _replayed);
            return Results.Text(seen.Body, "application/json", statusCode: seen.Status);
        }

        var (status, reply) = Locked(() => delete ? DeleteEntity(entity, body) : CreateEntity(entity, body));
        var text = reply.ToJsonString();
        if (requestId.Length > 0 && status == 200)
        {
            Replies[$"{Realm}|{requestId}"] = (status, text);
        }

        return Results.Text(text, "application/json", statusCode: status);
    }

    private (int, JsonObject) DeleteEntity(string entity, JsonObject body)
    {
        var id = body["Id"]?.GetValue<string>() ?? "";
        if (!long.TryParse(id, CultureInfo.InvariantCulture, out var key) || !Table(entity).TryGetValue(key, out var stored))
        {
            return FaultBody("610", "Object Not Found", $"Object Not Found : Another user has deleted this transaction: {entity} {id}");
        }

        if (stored["SyncToken"]!.GetValue<string>() != body["SyncToken"]?.GetValue<string>())
        {
            return FaultBody("5010", "Stale Object Error", $"Stale Object Error : You and another user were working on this at the same time. {entity} {id}");
        }

        if (InClosedPeriod(stored))
        {
            return ClosedPeriod();
        }

        Table(entity).Remove(key);
        Deleted.Add((entity, id, Clock.GetUtcNow()));
        return (200, Envelope(entity, new JsonObject { ["domain"] = "QBO", ["status"] = "Deleted", ["Id"] = id }));
    }

    private (int, JsonObject) CreateEntity(string entity, JsonObject body)
    {
        var refused = UnknownClass(body) ?? entity switch
        {
            "Bill" => ValidateBill(body),
            "Invoice" => ValidateInvoice(body),
            _ => ValidateJournalEntry(body),
        };
        if (refused is not null)
        {
            return refused.Value;
        }

        if (InClosedPeriod(body))
        {
            return ClosedPeriod();
        }

        var id = NextId();
        body["Id"] = id;
        body["SyncToken"] = "0";
        body["domain"] = "QBO";
        body["MetaData"] = MetaData();
        if (entity is "Bill" or "Invoice")
        {
            var total = body["Line"]!.AsArray().Sum(l => l!["Amount"]!.GetValue<decimal>());
            body["TotalAmt"] = total;
            body["Balance"] = total;
        }

        Table(entity)[long.Parse(id, CultureInfo.InvariantCulture)] = body;
        return (200, Envelope(entity, (JsonObject)body.DeepClone()));
    }

    private bool InClosedPeriod(JsonObject body) =>
        ClosedThrough is { } closed && body["TxnDate"]?.GetValue<string>() is { } text
        && DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) <= closed;

    private static (int, JsonObject) ClosedPeriod() => FaultBody("6210", "Account Period Closed",
        "The account period has closed and the account books cannot be updated through the QBO Services API. Please use the QBO website to make these changes.");

    private JsonObject Envelope(string entity, JsonObject body) => new()
    {
        [entity] = body, ["time"] = Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
    };

    private static IResult Reply(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");

    internal static (int, JsonObject) FaultBody(string code, string message, string detail, string type = "ValidationFault") =>
        (400, new JsonObject
        {
            ["Fault"] = new JsonObject
            {
                ["Error"] = new JsonArray(new JsonObject { ["Message"] = message, ["Detail"] = detail, ["code"] = code, ["element"] = "" }),
                ["type"] = type,
            },
            ["time"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        });

    internal static IResult Fault(int status, string type, string code, string message, string detail)
    {
        var (_, body) = FaultBody(code, message, detail, type);
        return Results.Text(body.ToJsonString(), "application/json", statusCode: status);
    }
}
