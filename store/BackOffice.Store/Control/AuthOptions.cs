namespace BackOffice.Store.Control;

/// <summary>`Auth` in appsettings.json (issue 9).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>PBKDF2 iterations for new password hashes; tests lower it, production keeps the default.</summary>
    public int Pbkdf2Iterations { get; set; } = PasswordHasher.DefaultIterations;

    /// <summary>How long the first-admin setup link printed by `serve` stays valid.</summary>
    public int SetupLinkHours { get; set; } = 24;

    /// <summary>Console session length; sliding.</summary>
    public int SessionHours { get; set; } = 8;
}
