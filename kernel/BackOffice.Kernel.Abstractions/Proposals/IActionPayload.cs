namespace BackOffice.Kernel.Abstractions.Proposals;

/// <summary>
/// The typed payload of one kind of proposal (issue 12): the record its agent builds and its executor reads. The
/// action kind is declared once, here, as <see cref="Kind"/>; the agent's draft, the executor and any kernel code that
/// looks for the kind all read it from the record, so no action-kind string is written twice.
/// </summary>
public interface IActionPayload
{
    /// <summary>The executor that carries this payload out, e.g. "ledger.create-bill".</summary>
    static abstract string Kind { get; }
}
