using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using BackOffice.Store.Control;

namespace BackOffice.Host.Auth;

/// <summary>
/// `Authorization: Bearer bo_...` for scripts (issue 9): the token's SHA-256 is looked up, never the token itself. Issue
/// 19: an unknown, revoked or expired token is a 401 that says which, in the body and in `WWW-Authenticate` (RFC 6750
/// section 3, error="invalid_token"), so a script's owner knows to issue a new token rather than retry.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CredentialStore credentials,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>
    /// The token's user as the token check read it, kept for the rest of the request (issue 18): the caller resolver
    /// would otherwise read the same user again on every API call.
    /// </summary>
    public static readonly object UserItem = new();

    private string? _refusal;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var check = await credentials.CheckTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (check.User is null)
        {
            _refusal = check.Refusal ?? "Unknown API token.";
            return AuthenticateResult.Fail(_refusal);
        }

        Context.Items[UserItem] = check.User;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, check.User.Id)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (_refusal is null)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }

        // The reason is ours (unknown, revoked at, expired at), never the token; quotes cannot occur in it.
        Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{_refusal}\"";
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "API token refused", Detail = _refusal },
        });
    }
}
