using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Financial;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;

namespace BackOffice.Kernel.Gate.Executors;

/// <summary>
/// "ledger.create-journal-entry": writes a reclass journal entry for a mis-coded cost (issue 3) through the sandbox
/// ledger with the proposal's idempotency key as request id; undo deletes the entry again. The sandbox is used directly
/// because <see cref="ILedgerWriter"/> does not (yet) carry journal entries.
/// </summary>
public sealed class ReclassJournalExecutor(SandboxLedger ledger) : IActionExecutor
{
    public const string Kind = "ledger.create-journal-entry";

    public string ActionKind => Kind;

    public async Task<JsonObject> CapturePriorStateAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var source = SourceLine(request.Payload);
        var existing = await request.Data.Reclasses.ActiveForAsync(source, cancellationToken);
        return new JsonObject
        {
            ["source_line"] = source,
            ["existing_entry_ids"] = new JsonArray(existing.Select(e => (JsonNode?)JsonValue.Create(e.Id)).ToArray()),
        };
    }

    public async Task<ActionOutcome> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var written = await ledger.CreateJournalEntryAsync(request.Data, Parse(request.Payload), request.IdempotencyKey, cancellationToken);
        return new ActionOutcome(written.EntityId, new JsonObject
        {
            ["journal_entry_id"] = written.EntityId,
            ["sync_token"] = written.SyncToken,
            ["response"] = written.Response.DeepClone(),
        });
    }

    public async Task UndoAsync(ActionRequest request, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        var before = priorState["existing_entry_ids"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        if (before.Contains(outcome.TargetId)
            || await request.Data.Reclasses.GetActiveAsync(outcome.TargetId, cancellationToken) is not { } current)
        {
            return;
        }

        await ledger.DeleteJournalEntryAsync(request.Data, current.Id, current.SyncToken,
            CreateBillExecutor.UndoRequestId(request.IdempotencyKey), cancellationToken);
    }

    private static string SourceLine(JsonObject payload) =>
        (string?)payload["source_line"] ?? throw new ProposalPayloadException("source_line: missing.");

    private static JournalEntryDraft Parse(JsonObject payload)
    {
        var source = SourceLine(payload);
        var date = DateOnly.TryParseExact((string?)payload["txn_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ProposalPayloadException("txn_date: missing or not yyyy-MM-dd.");
        var memo = (string?)payload["memo"] ?? "";
        // The memo must keep naming the line it corrects, even after an edit, or a later sweep would propose it again.
        if (!memo.StartsWith(ReclassEntryStore.MemoPrefix + source + ":", StringComparison.Ordinal))
        {
            memo = ReclassEntryStore.Memo(source, memo);
        }

        var lines = payload["lines"] as JsonArray ?? throw new ProposalPayloadException("lines: missing or not an array.");
        return new JournalEntryDraft(date, null, memo, lines.Select((n, i) => Line(n as JsonObject ?? throw new ProposalPayloadException($"lines[{i}]: not an object."), i)).ToList());
    }

    private static JournalLineDraft Line(JsonObject line, int index)
    {
        var amount = decimal.TryParse((string?)line["amount"], NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            ? a : throw new ProposalPayloadException($"lines[{index}].amount: missing or not a number.");
        var posting = Enum.TryParse<PostingType>((string?)line["posting_type"], out var p)
            ? p : throw new ProposalPayloadException($"lines[{index}].posting_type: Debit or Credit.");
        return new JournalLineDraft((string?)line["account_id"] ?? throw new ProposalPayloadException($"lines[{index}].account_id: missing."),
            posting, amount, (string?)line["customer_id"], (string?)line["description"]);
    }
}
