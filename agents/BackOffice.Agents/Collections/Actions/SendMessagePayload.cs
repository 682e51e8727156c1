using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Collections.Actions;

/// <summary>
/// The "collections.send-message" payload (issue 5). <c>figures</c> are the computed figures and <c>identifiers</c>
/// the other values the drafted body may contain: the executor checks an edited body against them again.
/// </summary>
public sealed partial record SendMessagePayload(
    string Channel,
    string To,
    string? Subject,
    string Body,
    string? InvoiceId,
    string? Level,
    IReadOnlyList<string> Figures,
    IReadOnlyList<string> Identifiers) : IActionPayload
{
    public static string Kind => "collections.send-message";
}
