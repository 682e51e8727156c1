using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Tests.Support.QuickBooks;

/// <summary>
/// Query with STARTPOSITION/MAXRESULTS paging (qbo.md section 3: 1-based, MAXRESULTS at most 1000, an empty
/// <c>QueryResponse</c> is <c>{}</c>), WHERE with <c>=</c> joined by AND, CDC (section 4: at most 30 days back,
/// deletions as <c>status:"Deleted"</c> stubs after the active objects), and the create checks QuickBooks makes.
/// </summary>
public sealed partial class FakeQuickBooks
{
    private static readonly HashSet<string> Queryable = new(StringComparer.Ordinal)
    {
        "Account", "Customer", "Vendor", "Item", "Class", "Term", "Bill", "Invoice", "Payment", "JournalEntry",
        "PurchaseOrder", "BillPayment", "CreditMemo", "VendorCredit",
    };

    private static readonly HashSet<string> ActiveByDefault = new(StringComparer.Ordinal) { "Account", "Customer", "Vendor", "Item" };

    private IResult Query(string sql)
    {
        if (FailQuery?.Invoke(sql) == true)
        {
            return Results.Text("Service Unavailable", "text/plain", statusCode: 503);
        }

        var match = QueryPattern().Match(sql.Trim());
        if (!match.Success || !Queryable.Contains(match.Groups["entity"].Value))
        {
            return Fault(400, "ValidationFault", "4000", "Error parsing query", $"QueryParserError: {sql}");
        }

        var entity = match.Groups["entity"].Value;
        var start = match.Groups["start"].Success ? int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture) : 1;
        var max = match.Groups["max"].Success ? int.Parse(match.Groups["max"].Value, CultureInfo.InvariantCulture) : 100;
        if (max > 1000 || start < 1)
        {
            return Fault(400, "ValidationFault", "4000", "Error parsing query", "MAXRESULTS is at most 1000 and STARTPOSITION at least 1");
        }

        var conditions = match.Groups["where"].Success ? Conditions(match.Groups["where"].Value) : [];
        // Name lists answer only their active entries unless the query names Active (Intuit's query page: Active IN (true,false)).
        var activeOnly = ActiveByDefault.Contains(entity) && !conditions.Any(c => c.Field.Equals("Active", StringComparison.OrdinalIgnoreCase));
        var page = Locked(() => Table(entity).Values
            .Where(e => (!activeOnly || e["Active"]?.GetValue<bool>() != false) && conditions.All(c => Matches(e, c.Field, c.Values)))
            .Skip(start - 1).Take(max).Select(e => e.DeepClone()).ToArray());
        var response = new JsonObject();
        if (page.Length > 0)
        {
            response[entity] = new JsonArray(page);
            response["startPosition"] = start;
            response["maxResults"] = page.Length;
        }

        return Reply(new JsonObject { ["QueryResponse"] = response, ["time"] = Clock.GetUtcNow().ToString("o", CultureInfo.InvariantCulture) });
    }

    private IResult Cdc(string entities, string changedSince)
    {
        if (!DateTimeOffset.TryParse(changedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            return Fault(400, "ValidationFault", "2020", "Required param missing", "changedSince");
        }

        // Intuit documents a 30-day look-back; what it answers past that is not published (qbo.md section 4), so a fault.
        if (since < Clock.GetUtcNow().AddDays(-30))
        {
            return Fault(400, "ValidationFault", "4000", "Invalid changedSince", "changedSince is more than 30 days back");
        }

        var groups = new JsonArray();
        foreach (var entity in entities.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var items = Locked(() => Changed(entity, since));
            groups.Add(items.Count == 0 ? new JsonObject() : new JsonObject { [entity] = items, ["startPosition"] = 1, ["maxResults"] = items.Count });
        }

        return Reply(new JsonObject
        {
            ["CDCResponse"] = new JsonArray(new JsonObject { ["QueryResponse"] = groups }),
            ["time"] = Clock.GetUtcNow().ToString("o", CultureInfo.InvariantCulture),
        });
    }

    /// <summary>
    /// The changed objects of one entity as Intuit lists them: active ones by last update, deletion stubs after them,
    /// cut at <see cref="CdcCap"/> objects with no paging ([Intuit CDC page]: "a maximum of 1,000 objects"), so a cut
    /// answer drops deletions first (issue 13).
    /// </summary>
    private JsonArray Changed(string entity, DateTimeOffset since)
    {
        var items = new JsonArray();
        foreach (var body in Table(entity).Values.Where(e => Updated(e) >= since).OrderBy(Updated))
        {
            items.Add(body.DeepClone());
        }

        foreach (var (_, id, at) in Deleted.Where(d => d.Entity == entity && d.At >= since).OrderBy(d => d.At))
        {
            items.Add(new JsonObject
            {
                ["domain"] = "QBO", ["status"] = "Deleted", ["Id"] = id,
                ["MetaData"] = new JsonObject { ["LastUpdatedTime"] = at.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture) },
            });
        }

        while (items.Count > CdcCap)
        {
            items.RemoveAt(items.Count - 1);
        }

        return items;
    }

    private static DateTimeOffset Updated(JsonObject body) =>
        DateTimeOffset.Parse(body["MetaData"]!["LastUpdatedTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    /// <summary>Conditions joined by AND: <c>Field = 'value'</c>, or <c>Field IN (a, b)</c> with quoted or bare values (true, false).</summary>
    private static List<(string Field, string[] Values)> Conditions(string where) =>
        Regex.Split(where, @"\s+AND\s+", RegexOptions.IgnoreCase)
            .Select(c => ConditionPattern().Match(c) is { Success: true } m
                ? (m.Groups[1].Value, new[] { m.Groups[2].Value.Replace("\\'", "'", StringComparison.Ordinal) })
                : InPattern().Match(c) is { Success: true } @in
                    ? (@in.Groups[1].Value, @in.Groups[2].Value.Split(',').Select(v => v.Trim().Trim('\'')).ToArray())
                    : throw new FormatException("bad condition"))
            .ToList();

    private static bool Matches(JsonObject entity, string field, string[] values)
    {
        var node = entity[field];
        var text = node is JsonObject reference ? reference["value"]?.ToString() : node?.ToString();
        // A name list entry without Active is active (QuickBooks always sends it; the fake's seeds may leave it out).
        text ??= field.Equals("Active", StringComparison.OrdinalIgnoreCase) ? "true" : null;
        return values.Any(v => string.Equals(text, v, text is "true" or "false" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
    }

    private (int, JsonObject)? ValidateBill(JsonObject body)
    {
        var vendor = body["VendorRef"]?["value"]?.GetValue<string>();
        if (vendor is null)
        {
            return FaultBody("2020", "Required param missing, need to supply the required value for the API", "Required parameter VendorRef is missing in the request");
        }

        if (!long.TryParse(vendor, CultureInfo.InvariantCulture, out var key) || !Table("Vendor").ContainsKey(key))
        {
            return FaultBody("2500", "Invalid Reference Id", $"Invalid Reference Id : Vendor assigned to this transaction has been deleted: {vendor}");
        }

        return body["Line"] is JsonArray { Count: > 0 }
            ? null
            : FaultBody("2020", "Required param missing, need to supply the required value for the API", "Required parameter Line is missing in the request");
    }

    /// <summary>
    /// An invoice needs a CustomerRef of the company and SalesItemLineDetail lines whose ItemRef is an item of the
    /// company (Intuit's Invoice reference: CustomerRef and Line required; 2500 Invalid Reference Id otherwise).
    /// </summary>
    private (int, JsonObject)? ValidateInvoice(JsonObject body)
    {
        var customer = body["CustomerRef"]?["value"]?.GetValue<string>();
        if (customer is null || !long.TryParse(customer, CultureInfo.InvariantCulture, out var key) || !Table("Customer").ContainsKey(key))
        {
            return FaultBody("2500", "Invalid Reference Id", $"Invalid Reference Id : Customer assigned to this transaction has been deleted: {customer}");
        }

        var lines = (body["Line"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var item = lines.Select(l => l["SalesItemLineDetail"]?["ItemRef"]?["value"]?.ToString())
            .FirstOrDefault(i => i is null || !long.TryParse(i, CultureInfo.InvariantCulture, out var id) || !Table("Item").ContainsKey(id));
        return lines.Count == 0
            ? FaultBody("2020", "Required param missing, need to supply the required value for the API", "Required parameter Line is missing in the request")
            : lines.Any(l => l["SalesItemLineDetail"] is null) || item is not null
                ? FaultBody("2500", "Invalid Reference Id", $"Invalid Reference Id : Item assigned to this transaction has been deleted: {item}")
                : null;
    }

    /// <summary>A line's ClassRef must name a class of the company (error 2500 otherwise, qbo.md section 7).</summary>
    private (int, JsonObject)? UnknownClass(JsonObject body)
    {
        var classes = (body["Line"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(l => l["DetailType"]?.ToString() is { } type ? l[type]?["ClassRef"]?["value"]?.ToString() : null)
            .OfType<string>();
        var unknown = classes.FirstOrDefault(c => !long.TryParse(c, CultureInfo.InvariantCulture, out var key) || !Table("Class").ContainsKey(key));
        return unknown is null ? null : FaultBody("2500", "Invalid Reference Id", $"Invalid Reference Id : Class assigned to this transaction has been deleted: {unknown}");
    }

    private static (int, JsonObject)? ValidateJournalEntry(JsonObject body)
    {
        var lines = body["Line"] as JsonArray ?? [];
        decimal Sum(string posting) => lines.Where(l => l!["JournalEntryLineDetail"]?["PostingType"]?.GetValue<string>() == posting)
            .Sum(l => l!["Amount"]!.GetValue<decimal>());
        return lines.Count > 0 && Sum("Debit") == Sum("Credit")
            ? null
            : FaultBody("6000", "A business validation error has occurred while processing your request", "Business Validation Error: Transaction is not balanced");
    }

    [GeneratedRegex(@"^SELECT\s+\*\s+FROM\s+(?<entity>\w+)(?:\s+WHERE\s+(?<where>.+?))?(?:\s+STARTPOSITION\s+(?<start>\d+))?(?:\s+MAXRESULTS\s+(?<max>\d+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex QueryPattern();

    [GeneratedRegex(@"^\s*(\w+)\s*=\s*'((?:[^'\\]|\\.)*)'\s*$")]
    private static partial Regex ConditionPattern();

    [GeneratedRegex(@"^\s*(\w+)\s+IN\s*\(([^)]*)\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex InPattern();
}
