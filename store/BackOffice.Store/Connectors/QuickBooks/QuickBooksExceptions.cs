namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// QuickBooks refused a request with a Fault (qbo.md section 7). <see cref="Code"/> is Intuit's error code as a string
/// ("5010" stale SyncToken, "6210" closed period, "610" not found); the message is said in plain words.
/// </summary>
public sealed class QuickBooksFaultException(int status, string code, string faultMessage, string detail, string? intuitTid)
    : Exception(PlainWords(code, faultMessage, detail))
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Detail { get; } = detail;

    public string? IntuitTid { get; } = intuitTid;

    /// <summary>A closed period is sometimes sent as 5010 with the closed-period message (routablehq/python-quickbooks#208).</summary>
    public bool PeriodClosed => Code == "6210" || faultMessage.Contains("Period Closed", StringComparison.OrdinalIgnoreCase);

    public bool StaleSyncToken => Code == "5010" && !PeriodClosed;

    private static string PlainWords(string code, string message, string detail) => code switch
    {
        "5010" when !message.Contains("Period Closed", StringComparison.OrdinalIgnoreCase) =>
            $"QuickBooks refused: someone changed this record in QuickBooks since we read it (stale SyncToken, error 5010). {detail}",
        "6210" => $"QuickBooks refused: the accounting period is closed for this date (error 6210); change the date or reopen the period. {detail}",
        _ when message.Contains("Period Closed", StringComparison.OrdinalIgnoreCase) =>
            $"QuickBooks refused: the accounting period is closed for this date (error {code}). {detail}",
        _ => $"QuickBooks refused: {message} (error {code}). {detail}",
    };
}

/// <summary>The connection's refresh token is expired or revoked: a person must connect QuickBooks again.</summary>
public sealed class QuickBooksReconnectException(string tenant, string reason)
    : Exception($"QuickBooks for tenant {tenant} needs reconnecting ({reason}): run `backoffice connect quickbooks --tenant {tenant}`.");

/// <summary>The tenant has no QuickBooks connection, or it is not configured: agents fail closed and say so.</summary>
public sealed class QuickBooksNotConnectedException(string message) : Exception(message);

/// <summary>QuickBooks answered something that is not the documented shape (malformed JSON, a missing field).</summary>
public sealed class QuickBooksResponseException(string message) : Exception(message);

/// <summary>A setting names a class or item that is not in the synced QuickBooks lists: the write is refused, nothing sent.</summary>
public sealed class QuickBooksMappingException(string message) : Exception(message);

/// <summary>
/// Issue 13: connecting failed after Intuit issued a grant (CompanyInfo could not be read); the message says whether
/// the grant was revoked again or must be removed by hand. Nothing was stored.
/// </summary>
public sealed class QuickBooksConnectException(string message, Exception inner) : Exception(message, inner);
