namespace BackOffice.Store.Sandbox;

/// <summary>A write the sandbox ledger refused, with the error code QuickBooks Online gives for the same fault.</summary>
public sealed class SandboxLedgerException(int code, string message) : Exception($"{code} {message}")
{
    public int Code { get; } = code;

    public string Detail { get; } = message;
}

/// <summary>QuickBooks Online fault codes the sandbox reproduces.</summary>
public static class SandboxErrorCodes
{
    /// <summary>"Object Not Found".</summary>
    public const int ObjectNotFound = 610;

    /// <summary>"Request has invalid or unsupported property" (used for bad amounts and request ids).</summary>
    public const int InvalidProperty = 2010;

    /// <summary>"Required param missing".</summary>
    public const int RequiredParamMissing = 2020;

    /// <summary>"Invalid Reference Id": a VendorRef, AccountRef or CustomerRef that does not exist or is inactive.</summary>
    public const int InvalidReference = 2500;

    /// <summary>"Stale Object Error": the SyncToken sent is not the current one.</summary>
    public const int StaleObject = 5010;

    /// <summary>"Business Validation Error", e.g. a journal entry whose debits and credits differ.</summary>
    public const int BusinessValidation = 6000;
}
