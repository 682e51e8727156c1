namespace BackOffice.Store.Connectors;

/// <summary>
/// Encrypts tokens at rest (issue 13; shared by every connector since issue 14). The host implements it with ASP.NET Core Data Protection, its key ring in the
/// data directory; the store only ever holds the protected text.
/// </summary>
public interface ITokenProtector
{
    string Protect(string plaintext);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the key ring cannot read it.</summary>
    string Unprotect(string protectedText);
}
