using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Bundle;
using BackOffice.Store.Sandbox;

namespace BackOffice.Host.Cli;

public static partial class ExitCodes
{
    /// <summary>A refusal, a conflict (HTTP 409 in the API), a busy sweep or a target's refusal: the action did not happen.</summary>
    private static int? ForKernel(Exception ex) => ex switch
    {
        ProposalConflictException or GateRefusedException or WritesDisabledException or SweepBusyException or SandboxLedgerException => 1,
        ProposalNotFoundException or BundleValidationException or ProposalInvalidException => 2,
        BackOffice.Kernel.Abstractions.Proposals.ProposalPayloadException => 1,
        _ => null,
    };
}
