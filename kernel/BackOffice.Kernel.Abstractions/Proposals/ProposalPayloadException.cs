namespace BackOffice.Kernel.Abstractions.Proposals;

/// <summary>
/// A payload the executor cannot read; names the field so the approver can fix it. In the abstractions (issue 12)
/// because executors now live beside their agents, which do not reference the kernel.
/// </summary>
public sealed class ProposalPayloadException(string message, Exception? inner = null) : Exception(message, inner);
