using BackOffice.Store.Connectors;
using Microsoft.AspNetCore.DataProtection;

namespace BackOffice.Host.Connectors;

/// <summary>
/// Encrypts connector tokens at rest with ASP.NET Core Data Protection (issue 13); the key ring lives in the data
/// directory (<c>keys/</c>), so a copied tenant database alone does not reveal its tokens.
/// </summary>
public sealed class DataProtectionTokenProtector(IDataProtectionProvider provider) : ITokenProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("BackOffice.Connectors.Tokens.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
