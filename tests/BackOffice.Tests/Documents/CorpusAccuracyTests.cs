using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Agents.Documents;
using BackOffice.Domain.Documents;
using BackOffice.Store.Documents;
using BackOffice.Tests.Support;
using BackOffice.Tools.Documents;
using BackOffice.Tools.Matching;
using Xunit.Abstractions;

namespace BackOffice.Tests.Documents;

/// <summary>
/// Field-level extraction accuracy on samples/documents (issue 6): every expected field of every document compared,
/// the figure printed. The corpus has a scanned PDF, a duplicate, a wrong total and a prompt-injection bill.
/// </summary>
public sealed class CorpusAccuracyTests(ITestOutputHelper output)
{
    private static string Corpus => Path.Combine(RepoPaths.Root, "samples", "documents");

    [Fact]
    public async Task Corpus_EveryExpectedField_ExtractionAccuracyAtLeastNinetyPercent()
    {
        var documents = (await new InboxReader(new PdfText()).ReadAsync(Path.Combine(Corpus, "inbox"), CancellationToken.None)).ToDictionary(d => d.Id);
        var vendors = KnownVendors();
        int total = 0, right = 0;
        foreach (var expected in JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Corpus, "expected.json")))!.AsArray().Select(e => e!.AsObject()))
        {
            var document = documents[(string)expected["file"]!];
            foreach (var (field, want, got) in Compare(expected, document, vendors))
            {
                total++;
                if (want == got)
                {
                    right++;
                }
                else
                {
                    output.WriteLine($"MISS {document.Id} {field}: expected '{want}', got '{got}'");
                }
            }
        }

        var accuracy = (decimal)right / total;
        output.WriteLine($"Field-level extraction accuracy: {right}/{total} = {accuracy:P1} over {documents.Count} documents");
        Assert.True(accuracy >= 0.90m, $"accuracy {accuracy:P1}");
    }

    private static IEnumerable<(string Field, string? Want, string? Got)> Compare(JsonObject expected, InboxDocument document, IReadOnlyList<string> vendors)
    {
        if (expected["readable"] is JsonValue readable && !readable.GetValue<bool>())
        {
            yield return ("readable", "False", (document.Text is not null).ToString());
            yield break;
        }

        var classification = DocumentClassifier.Classify(document.Text ?? "");
        yield return ("kind", (string?)expected["kind"], classification.Kind.ToString());
        if (expected.ContainsKey("waiverType"))
        {
            yield return ("waiverType", (string?)expected["waiverType"], classification.WaiverType?.ToString());
        }

        if (!expected.ContainsKey("invoiceNumber"))
        {
            yield break;
        }

        var bill = BillExtractor.Extract(document.Text!, vendors);
        yield return ("vendor", NameNormalizer.Normalize((string)expected["vendor"]!), bill.Vendor is null ? null : NameNormalizer.Normalize(bill.Vendor));
        yield return ("invoiceNumber", (string?)expected["invoiceNumber"], bill.InvoiceNumber);
        yield return ("invoiceDate", (string?)expected["invoiceDate"], Date(bill.InvoiceDate));
        yield return ("dueDate", (string?)expected["dueDate"], Date(bill.DueDate));
        yield return ("poReference", (string?)expected["poReference"], bill.PoReference);
        yield return ("subtotal", (string?)expected["subtotal"], Money(bill.Subtotal));
        yield return ("tax", (string?)expected["tax"], Money(bill.Tax));
        yield return ("total", (string?)expected["total"], Money(bill.Total));
        yield return ("retainage", (string?)expected["retainage"], Money(bill.Retainage));
        yield return ("amountDue", (string?)expected["amountDue"], Money(bill.AmountDue));
        yield return ("lineAmounts", string.Join(" ", expected["lineAmounts"]!.AsArray().Select(a => (string?)a)), string.Join(" ", bill.Lines.Select(l => Money(l.Amount))));
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Money(decimal? d) => d?.ToString("0.00", CultureInfo.InvariantCulture);

    private static List<string> KnownVendors() =>
        new[] { "ledger/vendors.csv", "project/vendors.csv" }
            .SelectMany(f => File.ReadAllLines(Path.Combine(RepoPaths.DemoBundle, f)).Skip(1))
            .Select(l => l.Split(',')[1]).ToList();
}
