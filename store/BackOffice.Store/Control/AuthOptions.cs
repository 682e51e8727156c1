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

    /// <summary>Issue 19: the lifetime of an API token issued without one (NIST SP 800-63B asks for bounded sessions).</summary>
    public int ApiTokenDays { get; set; } = 90;

    /// <summary>Issue 19: the longest lifetime a token may be issued with; tokens from before expiry existed get this.</summary>
    public int ApiTokenMaxDays { get; set; } = 365;

    /// <summary>Checked at start: every figure positive and the default lifetime within the maximum.</summary>
    public bool IsValid => Pbkdf2Iterations >= 1000 && SetupLinkHours > 0 && SessionHours > 0
        && ApiTokenDays > 0 && ApiTokenMaxDays >= ApiTokenDays;
}
