using BackOffice.Kernel.Exports;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Bundle;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Exports;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;

namespace BackOffice.Host.Cli;

public static partial class ExitCodes
{
    /// <summary>A refusal, a conflict (HTTP 409 in the API), a busy sweep or a target's refusal: the action did not happen.</summary>
    private static int? ForKernel(Exception ex) => ex switch
    {
        ProposalConflictException or GateRefusedException or WritesDisabledException or SweepBusyException or SandboxLedgerException => 1,
        QuickBooksFaultException or QuickBooksConnectException or QuickBooksReconnectException or QuickBooksNotConnectedException or QuickBooksResponseException or QuickBooksMappingException or LedgerChangedException => 1,
        ProcoreApiException or ProcoreOAuthException or ProcoreReconnectException or ProcoreNotConnectedException or ProcoreResponseException => 1,
        // Issue 17: undoing a delivered message is a refusal with a plain message, not a stack trace.
        BackOffice.Store.Collections.OutboxAlreadyDeliveredException => 1,
        ProposalNotFoundException or BundleValidationException or ProposalInvalidException or ExportImportException or ExportFileFormatException => 2,
        BackOffice.Kernel.Abstractions.Proposals.ProposalPayloadException => 1,
        _ => null,
    };
}
