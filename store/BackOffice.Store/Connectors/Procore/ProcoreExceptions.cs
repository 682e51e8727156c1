namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Procore refused a request (procore.md section 3: 400/422 validation, 401, 403 "App is not connected to this
/// company", 404, 429, 5xx). The message is Procore's own `message`/`errors` text where it sent one.
/// </summary>
public sealed class ProcoreApiException(int status, string path, string message, string? requestId)
    : Exception($"Procore answered {status} to {path}: {message}{(requestId is null ? "" : $" (x-request-id {requestId})")}")
{
    public int Status { get; } = status;
}

/// <summary>The token endpoint refused a grant; <see cref="Code"/> is the OAuth error ("invalid_grant", "invalid_client").</summary>
public sealed class ProcoreOAuthException(int status, string code, string description)
    : Exception($"Procore sign-in refused ({status} {code}){(description.Length > 0 ? ": " + description : "")}.")
{
    public string Code { get; } = code;
}

/// <summary>The grant is expired or revoked: a person must connect Procore again.</summary>
public sealed class ProcoreReconnectException(string tenant, string reason)
    : Exception($"Procore for tenant {tenant} needs reconnecting ({reason}): run `backoffice connect procore --tenant {tenant}`.");

/// <summary>The tenant has no Procore connection, or Procore is not configured: fail closed and say so.</summary>
public sealed class ProcoreNotConnectedException(string message) : Exception(message);

/// <summary>Procore answered something that is not the documented shape (malformed JSON, a missing field).</summary>
public sealed class ProcoreResponseException(string message) : Exception(message);
