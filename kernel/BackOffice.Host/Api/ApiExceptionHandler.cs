using BackOffice.Host.Auth;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Control;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Host.Api;

/// <summary>
/// Maps the kernel's specific exceptions to ProblemDetails (issue 9): 409 for a proposal in the wrong state, 403 for a
/// gate refusal or a write switch that is off, 404 for anything not found or of another tenant, 400 for bad input.
/// Anything else is a bug and stays a 500.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public static (int Status, string Title)? Classify(Exception exception) => exception switch
    {
        _ when BackOffice.Store.Sqlite.StoreBusy.Is(exception) => (StatusCodes.Status503ServiceUnavailable, "The tenant is busy, try again"),
        ProposalConflictException => (StatusCodes.Status409Conflict, "Proposal is in the wrong state"),
        BackOffice.Store.Audit.AuditKeyException => (StatusCodes.Status500InternalServerError, "The audit key is missing or wrong"),
        BackOffice.Store.Connectors.Keys.ConnectorKeyException => (StatusCodes.Status500InternalServerError, "The connector encryption key (Connectors:EncryptionKey) is missing or wrong"),
        // Issue 17: a delivered message cannot be taken back; a 409 with the reason, never a 500.
        BackOffice.Store.Collections.OutboxAlreadyDeliveredException => (StatusCodes.Status409Conflict, "Cannot be undone any more"),
        // Issue 13/17: the record was edited in the ledger after we wrote it; undo is refused, not a server fault.
        BackOffice.Store.Ledger.LedgerChangedException => (StatusCodes.Status409Conflict, "Cannot be undone: the record changed in the ledger"),
        GateRefusedException => (StatusCodes.Status403Forbidden, "Refused by the gate"),
        WritesDisabledException => (StatusCodes.Status403Forbidden, "Writes are switched off"),
        ProposalNotFoundException or TenantNotVisibleException or UnknownTenantException or NotFoundException
            => (StatusCodes.Status404NotFound, "Not found"),
        UnknownAgentException => (StatusCodes.Status404NotFound, "Not found"),
        UnauthorizedAccessException => (StatusCodes.Status401Unauthorized, "Sign in first"),
        // Issue 19: a body over the server's limit is the client's error (413), not a 500.
        BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
        ArgumentException or FormatException or System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, "Bad request"),
        ProposalInvalidException or BackOffice.Kernel.Abstractions.Proposals.ProposalPayloadException
            => (StatusCodes.Status400BadRequest, "The proposal is not valid"),
        _ => null,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Classify(exception) is not { } mapped)
        {
            return false;
        }

        httpContext.Response.StatusCode = mapped.Status;
        var busy = mapped.Status == StatusCodes.Status503ServiceUnavailable;
        if (busy)
        {
            httpContext.Response.Headers.RetryAfter = BackOffice.Store.Sqlite.StoreBusy.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var details = new ProblemDetails
        {
            Status = mapped.Status, Title = mapped.Title, Detail = busy ? BackOffice.Store.Sqlite.StoreBusy.Message : exception.Message,
        };
        if (exception is ProposalConflictException conflict)
        {
            details.Extensions["currentState"] = conflict.CurrentState;
        }

        if (exception is ProposalInvalidException invalid)
        {
            // Issue 19: each problem names its field, so a form can show it beside the field.
            details.Extensions["problems"] = invalid.Problems.Select(p => new { field = p.Field, message = p.Message }).ToList();
        }

        if (exception is BackOffice.Store.Ledger.LedgerChangedException changed)
        {
            details.Extensions["changedFields"] = changed.ChangedFields;
        }

        if (exception is WritesDisabledException disabled)
        {
            details.Extensions["switch"] = disabled.Switch;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}

/// <summary>A report, finding or event that does not exist in the caller's tenant (404).</summary>
public sealed class NotFoundException(string message) : Exception(message);
