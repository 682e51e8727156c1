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
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "MIIEow")]
    public void Redact_Credential_IsMasked(string text, string secret)
    {
        var redacted = Redactor.Redact(text);
        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(Redactor.Mask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_OrdinaryBusinessText_IsUnchanged()
    {
        const string text = "Sub invoice RP-007 from Rivera Plumbing LLC for $18,400.00 on 2026-11-03, cost code 22-000; call ap@rivera.example.";
        Assert.Equal(text, Redactor.Redact(text));
    }
}
