using System.Text;
using BackOffice.Domain.Documents;
using BackOffice.Tools.Documents;
using BackOffice.Tools.Documents.Mime;
using BackOffice.Tools.Matching;

namespace BackOffice.Tests.Documents;

public sealed class DocumentToolsTests
{
    // RFC 4648 section 10 test vectors.
    [Theory]
    [InlineData("Zm9vYmFy", "foobar")]
    [InlineData("Zm9vYg==", "foob")]
    [InlineData("Zm8=\r\n", "fo")]
    [InlineData("", "")]
    public void Read_Base64Part_Rfc4648Vectors_Decode(string encoded, string expected) =>
        Assert.Equal(expected, Encoding.ASCII.GetString(SinglePart("base64", encoded).Content));

    /// <summary>A one-part message whose body is <paramref name="body"/> in the given transfer encoding (issue 15: MimeKit decodes it).</summary>
    private static MailPart SinglePart(string transferEncoding, string body) =>
        Assert.Single(MimeReader.Read(Encoding.ASCII.GetBytes(
            $"From: a@b.example\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: {transferEncoding}\r\n\r\n{body}")).Parts);

    // RFC 2045 section 6.7: "=XX" octets and soft line breaks.
    [Fact]
    public void Read_QuotedPrintablePart_SoftBreakAndHexOctets_Decode() =>
        Assert.Equal("Now's the time for all folk to come to the aid of their country. caf\u00e9",
            SinglePart("quoted-printable", "Now's the time =\r\nfor all folk to come to the aid of their country. caf=C3=A9").Text);

    [Fact]
    public void Read_MultipartMixedWithBase64Attachment_BodyAndNamedAttachment()
    {
        var eml = "From: a@b.example\r\nSubject: Invoice\r\n attached\r\nContent-Type: multipart/mixed; boundary=\"b;1\"\r\n\r\npreamble\r\n--b;1\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nSee attach=\r\ned.\r\n--b;1\r\n" +
            "Content-Type: application/pdf; name=\"x.pdf\"\r\nContent-Disposition: attachment; filename=\"INV 7.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBE\r\nRi0=\r\n--b;1--\r\nepilogue";
        var message = MimeReader.Read(Encoding.ASCII.GetBytes(eml));
        Assert.Equal("Invoice attached", message.Subject);
        Assert.Equal("See attached.", message.Body!.Text);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(("INV 7.pdf", "%PDF-"), (attachment.FileName, Encoding.ASCII.GetString(attachment.Content)));
    }

    [Fact]
    public void Read_UnclosedMultipart_RefusesInsteadOfGuessing() =>
        Assert.Throws<MimeFormatException>(() => MimeReader.Read(Encoding.ASCII.GetBytes(
            "Content-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\nhi\r\n")));

    // Tolerance semantics: $50 or 2%, on an expected 1,000.00 (2% = 20.00) and 10,000.00 (2% = 200.00).
    [Theory]
    [InlineData(ToleranceBasis.WhicheverIsLess, ToleranceDirection.BothDirections, 1000, "1020.00", true)]
    [InlineData(ToleranceBasis.WhicheverIsLess, ToleranceDirection.BothDirections, 1000, "1020.01", false)]
    [InlineData(ToleranceBasis.WhicheverIsLess, ToleranceDirection.BothDirections, 10000, "10050.00", true)]
    [InlineData(ToleranceBasis.WhicheverIsLess, ToleranceDirection.BothDirections, 10000, "10050.01", false)]
    [InlineData(ToleranceBasis.WhicheverIsGreater, ToleranceDirection.BothDirections, 1000, "1050.00", true)]
    [InlineData(ToleranceBasis.WhicheverIsGreater, ToleranceDirection.BothDirections, 10000, "10200.01", false)]
    [InlineData(ToleranceBasis.PercentOnly, ToleranceDirection.BothDirections, 1000, "979.99", false)]
    [InlineData(ToleranceBasis.PercentOnly, ToleranceDirection.UpperOnly, 1000, "500.00", true)]
    [InlineData(ToleranceBasis.AmountOnly, ToleranceDirection.BothDirections, 1000, "950.00", true)]
    [InlineData(ToleranceBasis.AmountOnly, ToleranceDirection.BothDirections, 1000, "949.99", false)]
    public void Check_BoundaryTable_WithinAsDocumented(ToleranceBasis basis, ToleranceDirection direction, int expected, string actualText, bool within)
    {
        var actual = decimal.Parse(actualText, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(within, new Tolerance(50m, 2m, basis, direction).Check(expected, actual).Within);
    }

    [Fact]
    public void Match_InvoiceOverTheOrdersRemainder_IsAnExceptionWithBothFigures()
    {
        var result = ThreeWayMatch.Match(1054.25m, new OrderLeg("PO-101-01", 7000m, 7000m), null,
            new Tolerance(50m, 2m, ToleranceBasis.WhicheverIsLess, ToleranceDirection.BothDirections), [], Tolerance.Exact, Tolerance.Exact);
        Assert.False(result.Matched);
        Assert.False(result.ThreeWay);
        Assert.Contains(result.Problems, p => p.Contains("1054.25 vs 0.00", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_ProgressWithinToleranceAndLinePriceOver_OnlyThePriceFails()
    {
        var tolerance = new Tolerance(50m, 2m, ToleranceBasis.WhicheverIsLess, ToleranceDirection.BothDirections);
        var result = ThreeWayMatch.Match(18410m, new OrderLeg("SC-103-03", 74500m, 0m), new ReceiptLeg("pay app 3", 18400m), tolerance,
            [new LineMatch(6.85m, 7.00m, 420m, 420m)], new Tolerance(0m, 1m, ToleranceBasis.PercentOnly, ToleranceDirection.UpperOnly), Tolerance.Exact);
        Assert.Equal(["price"], result.Checks.Where(c => !c.Outcome.Within).Select(c => c.Name));
        Assert.True(result.ThreeWay);
    }

    [Fact]
    public void Check_WrongTotal_ReportsItAndChangesNothing()
    {
        var bill = new ExtractedBill("Keystone", "KC-8801", null, null, null, null,
            [new BillLineItem("Slab", 1m, null, 9800m, 9800m), new BillLineItem("Pump", 1m, null, 1150m, 1150m), new BillLineItem("Fiber", 12m, null, 38m, 456m)],
            11406m, 0m, 11460m, null, null);
        var issue = Assert.Single(BillArithmetic.Check(bill).Issues);
        Assert.Equal(("subtotal + tax = total", 11406m, 11460m), (issue.Rule, issue.Computed, issue.Stated));
        Assert.Equal(11460m, bill.Total);
    }

    // California Civil Code sections 8132, 8134, 8136, 8138: the four statutory waiver titles.
    [Theory]
    [InlineData("CONDITIONAL WAIVER AND RELEASE ON PROGRESS PAYMENT", LienWaiverType.ConditionalProgress)]
    [InlineData("UNCONDITIONAL WAIVER AND RELEASE ON PROGRESS PAYMENT", LienWaiverType.UnconditionalProgress)]
    [InlineData("CONDITIONAL WAIVER AND RELEASE ON FINAL PAYMENT", LienWaiverType.ConditionalFinal)]
    [InlineData("UNCONDITIONAL WAIVER AND RELEASE ON FINAL PAYMENT", LienWaiverType.UnconditionalFinal)]
    public void Classify_StatutoryWaiverTitles_KindAndType(string title, LienWaiverType type)
    {
        var c = DocumentClassifier.Classify(title + "\nName of Claimant: Rivera Plumbing LLC");
        Assert.Equal((DocumentKind.LienWaiver, type), (c.Kind, c.WaiverType!.Value));
    }

    [Theory]
    [InlineData("2026-12-05", "2026-11-05", CoiStatus.ExpiringSoon)]
    [InlineData("2026-12-06", "2026-11-05", CoiStatus.Current)]
    [InlineData("2026-11-05", "2026-11-05", CoiStatus.ExpiringSoon)]
    [InlineData("2026-11-04", "2026-11-05", CoiStatus.Expired)]
    public void Status_ThirtyDayWindowBoundaries(string expires, string asOf, CoiStatus status) =>
        Assert.Equal(status, CertificateReader.Status(DateOnly.Parse(expires, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), 30));

    [Fact]
    public void Read_DemoCertificate_EarliestExpirationAndInsured()
    {
        var coi = CertificateReader.Read(File.ReadAllText(Path.Combine(Support.RepoPaths.DemoBundle, "inbox", "coi-brightline-electric-2026.txt")));
        Assert.Equal(("Brightline Electric Inc", new DateOnly(2026, 12, 5), 3), (coi.Insured, coi.EarliestExpiration!.Value, coi.Policies.Count));
    }

    [Theory]
    [InlineData("Claimant's Signature: ______________", SignatureState.Unsigned)]
    [InlineData("Signed: (authorized representative)", SignatureState.Unsigned)]
    [InlineData("Signature: /s/ Luis Rivera", SignatureState.Signed)]
    public void Check_LienWaiverSignatureLines(string line, SignatureState state) =>
        Assert.Equal(state, SignatureCheck.Check(DocumentKind.LienWaiver, "CONDITIONAL WAIVER\n" + line).State);

    [Fact]
    public void Find_SameVendorAmountWithinWindowUnderOtherNumber_PossibleDuplicate()
    {
        var existing = new KnownBill("ledger", "bill-1", "lv-56", "INV-1", 1054.25m, new DateOnly(2026, 11, 1));
        var hits = DuplicateDetector.Find(new KnownBill("inbox", "x", "lv-56", "INV-2", 1054.25m, new DateOnly(2026, 11, 15)), [existing], 14);
        Assert.Equal(DuplicateBasis.SameAmountCloseDates, Assert.Single(hits).Basis);
        Assert.Empty(DuplicateDetector.Find(new KnownBill("inbox", "x", "lv-56", "INV-2", 1054.25m, new DateOnly(2026, 11, 16)), [existing], 14));
        Assert.Equal(DuplicateBasis.SameNumber, Assert.Single(DuplicateDetector.Find(new KnownBill("inbox", "x", "lv-56", "inv 0001", 5m, null), [existing], 14)).Basis);
    }
}
