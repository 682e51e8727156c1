using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.Procore;

namespace BackOffice.Tests.Procore;

/// <summary>Issue 14: Procore's Link header (pagination.md) and its tolerant amounts (procore.md section 0).</summary>
public sealed class ProcoreFormatTests
{
    /// <summary>The header of pagination.md's example, page 3 of 30 with 5 per page, as Procore folds it over lines.</summary>
    private const string DocumentedLink =
        "<https://api.procore.com/rest/v1.0/punch_items?page=1&per_page=5>; rel=\"first\",\n" +
        " <https://api.procore.com/rest/v1.0/punch_items?page=2&per_page=5>; rel=\"prev\", " +
        "<https://api.procore.com/rest/v1.0/punch_items?page=30&per_page=5>; rel=\"last\", " +
        "<https://api.procore.com/rest/v1.0/punch_items?page=4&per_page=5>; rel=\"next\"";

    [Theory]
    [InlineData("next", "https://api.procore.com/rest/v1.0/punch_items?page=4&per_page=5")]
    [InlineData("last", "https://api.procore.com/rest/v1.0/punch_items?page=30&per_page=5")]
    [InlineData("first", "https://api.procore.com/rest/v1.0/punch_items?page=1&per_page=5")]
    public void Link_DocumentedExample_FindsEachRel(string rel, string expected)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link", DocumentedLink);

        Assert.Equal(expected, ProcoreHeaders.Link(response, rel));
    }

    [Fact]
    public void Link_LastPage_HasNoNext()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link", "<https://api.procore.com/rest/v1.0/projects?page=1&per_page=5>; rel=\"first\", <https://api.procore.com/rest/v1.0/projects?page=1&per_page=5>; rel=\"last\"");

        Assert.Null(ProcoreHeaders.Link(response, "next"));
    }

    [Theory]
    [InlineData("600", "0", "1466182244", 1466182244L)]
    [InlineData("25", "24", "1466182247", null)]
    public void Exhausted_RateLimitHeaders_NamesTheResetOnlyWhenNoneLeft(string limit, string remaining, string reset, long? expected)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("X-Rate-Limit-Limit", limit);
        response.Headers.TryAddWithoutValidation("X-Rate-Limit-Remaining", remaining);
        response.Headers.TryAddWithoutValidation("X-Rate-Limit-Reset", reset);

        Assert.Equal(expected, ProcoreHeaders.Exhausted(response)?.ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData("\"50000.00\"", 5000000L)]
    [InlineData("2450.35", 245035L)]
    [InlineData("\"-1500.00\"", -150000L)]
    [InlineData("\"0.005\"", 1L)]
    [InlineData("\"-0.005\"", -1L)]
    [InlineData("null", null)]
    public void Cents_NumberOrDecimalString_RoundsHalfAwayFromZero(string json, long? expected)
    {
        var body = JsonNode.Parse($"{{\"id\": 1, \"amount\": {json}}}")!.AsObject();

        Assert.Equal(expected, new ProcoreJson("test", body).OptionalCents("amount"));
    }

    [Theory]
    [InlineData("\"10.0\"", 1000)]
    [InlineData("\"96.36%\"", 9636)]
    [InlineData("5", 500)]
    public void BasisPoints_PercentTexts_AreBasisPoints(string json, int expected)
    {
        var body = JsonNode.Parse($"{{\"id\": 1, \"retainage_percent\": {json}}}")!.AsObject();

        Assert.Equal(expected, new ProcoreJson("test", body).BasisPoints("retainage_percent"));
    }

    [Fact]
    public void Cents_NotAnAmount_NamesTheField()
    {
        var body = JsonNode.Parse("{\"id\": 7, \"grand_total\": \"lots\"}")!.AsObject();

        var ex = Assert.Throws<ProcoreResponseException>(() => new ProcoreJson("work_order_contracts", body).Cents("grand_total"));

        Assert.Contains("'grand_total'", ex.Message, StringComparison.Ordinal);
    }
}
