using BackOffice.Kernel.Narration;

namespace BackOffice.Tests.Narration;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("Server=db.acme.local;Database=books;User Id=sa;Password=Hunter2!;", "Hunter2!")]
    [InlineData("Data Source=/var/lib/backoffice/tenants/acme/tenant.db;Mode=ReadWrite", "tenant.db")]
    [InlineData("use key sk-proj-abcdefghijklmnopqrstuvwxyz123456 for it", "sk-proj-abcdefghijklmnopqrstuvwxyz")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc123def456", "eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("api_key=abc123secretvalue", "abc123secretvalue")]
    [InlineData("fetch https://admin:pa55word@example.com/export", "pa55word")]
    [InlineData("AWS AKIAABCDEFGHIJKLMNOP here", "AKIAABCDEFGHIJKLMNOP")]
    [InlineData("employee SSN 123-45-6789", "123-45-6789")]
    [InlineData("wire to account number 0012345678 routing 021000021", "0012345678")]
    // Issue 15. Test numbers: Visa 4111 1111 1111 1111 and Mastercard 5555555555554444 (the card networks' published
    // test numbers, Luhn-valid); IBAN GB82 WEST 1234 5698 7654 32 (the example of the ECBS IBAN standard, EBS204).
    [InlineData("card 4111 1111 1111 1111 exp 12/29", "4111 1111 1111 1111")]
    [InlineData("card 5555555555554444 on file", "5555555555554444")]
    [InlineData("card 4111-1111-1111-1111", "4111-1111-1111-1111")]
    [InlineData("pay to IBAN GB82 WEST 1234 5698 7654 32 please", "GB82 WEST 1234 5698 7654 32")]
    [InlineData("iban GB82WEST12345698765432", "GB82WEST12345698765432")]
    [InlineData("SSN 123456789 on the W-4", "123456789")]
    [InlineData("SSN 123 45 6789", "123 45 6789")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "MIIEow")]
    public void Redact_Credential_IsMasked(string text, string secret)
    {
        var redacted = Redactor.Redact(text);
        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(Redactor.Mask, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PO 4111111111111112 is not a card: it fails the Luhn check")]
    [InlineData("GB82 WEST 1234 5698 7654 33 fails mod 97")]
    [InlineData("SSN-like 000123456 and 666123456 and 900123456 are never issued")]
    [InlineData("phone 555-123-4567, zip 94103-1234, job 2026-014, amount $1,234,567.89")]
    public void Redact_NumberThatOnlyLooksLikeACardIbanOrSsn_IsUnchanged(string text)
    {
        Assert.Equal(text, Redactor.Redact(text));
    }

    [Fact]
    public void Redact_OrdinaryBusinessText_IsUnchanged()
    {
        const string text = "Sub invoice RP-007 from Rivera Plumbing LLC for $18,400.00 on 2026-11-03, cost code 22-000; call ap@rivera.example.";
        Assert.Equal(text, Redactor.Redact(text));
    }
}
