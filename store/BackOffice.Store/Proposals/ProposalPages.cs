using System.Globalization;
using Dapper;

using BackOffice.Store.Tenancy;
using BackOffice.Store.Worklists;

namespace BackOffice.Store.Proposals;

/// <summary>A page of the inbox filter: state, agent and risk (case-insensitive); null means any.</summary>
public sealed record ProposalPageQuery(string? State, string? Agent, string? Risk, int Limit, ProposalCursor? After);

/// <summary>
/// Where a page ends in the inbox order (state rank, routine last, id): the next page starts after it. The order is a
/// total order (id breaks ties), so pages never overlap or skip a row that keeps its state.
/// </summary>
public sealed record ProposalCursor(int Rank, int Routine, long Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rank}.{Routine}.{Id}");

    /// <summary>Reads a cursor as <see cref="ToString"/> wrote it; anything else is a <see cref="FormatException"/> naming it.</summary>
    public static ProposalCursor Parse(string text)
    {
        var parts = text.Split('.');
        if (parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rank)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var routine)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new ProposalCursor(rank, routine, id);
        }

        throw new FormatException($"cursor: '{text}' is not a cursor this API returned (expected RANK.ROUTINE.ID).");
    }
}

/// <summary>One page of proposals, how many match in all, and the cursor of the next page (null on the last).</summary>
public sealed record ProposalPage(IReadOnlyList<ProposalRow> Rows, long Total, ProposalCursor? Next);

/// <summary>
/// The inbox in pages, sorted and cut in SQL (issue 18): the API used to load every proposal with its payload, sort in
/// memory and answer 1.5 MB per request, which saturated at 5-10 requests a second with 6,000 proposals. Keyset paging
/// (not OFFSET), so a deep page costs what the first does.
/// </summary>
public static class ProposalPages
{
    /// <summary>
    /// Worst first: open before decided (the console's and CLI's order), money and legal before routine, then id. These
    /// two expressions are migration 1985's index, character for character: change one, change the other.
    /// </summary>
    private const string Rank =
        "CASE state WHEN 'proposed' THEN 0 WHEN 'failed' THEN 1 WHEN 'approved' THEN 2 WHEN 'executing' THEN 2 WHEN 'executed' THEN 3 ELSE 4 END";

    private const string Routine = "CASE WHEN risk = 'Routine' THEN 1 ELSE 0 END";

    private const string Where =
        "(@State IS NULL OR state = @State) AND (@Agent IS NULL OR agent = @Agent) AND (@Risk IS NULL OR LOWER(risk) = LOWER(@Risk))";

    public static async Task<ProposalPage> ReadAsync(DataUnit unit, ProposalPageQuery query, CancellationToken cancellationToken)
    {
        var after = query.After;
        var parameters = new
        {
            query.State, query.Agent, query.Risk, Limit = query.Limit + 1,
            AfterRank = after?.Rank ?? 0, AfterRoutine = after?.Routine ?? 0, AfterId = after?.Id ?? 0,
        };
        // The ORDER BY repeats the index's expressions (migration 1985), so both engines read the page in index order and
        // stop at the limit; the keyset condition is added only with a cursor, so it can seek instead of filtering.
        var keyset = after is null ? "" : $" AND ({Rank}, {Routine}, id) > (@AfterRank, @AfterRoutine, @AfterId)";
        var rows = (await unit.Connection.QueryAsync<ProposalRow>(new CommandDefinition(
            $"SELECT {ProposalRow.Columns} FROM proposals WHERE {Where}{keyset} ORDER BY {Rank}, {Routine}, id LIMIT @Limit",
            parameters, unit.Transaction, cancellationToken: cancellationToken))).AsList();
        var total = await unit.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM proposals WHERE {Where}", parameters, unit.Transaction, cancellationToken: cancellationToken));
        if (rows.Count <= query.Limit)
        {
            return new ProposalPage(rows, total, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new ProposalPage(rows, total, CursorOf(rows[^1]));
    }

    /// <summary>
    /// Issue 17: the console's inbox, filtered, sorted and paged in SQL by <see cref="SqlList"/>: "order" is the inbox
    /// order above folded into one number (rank * 2 + routine: the same order, migration 1993's index), the rest are
    /// the inbox's columns.
    /// </summary>
    public static readonly ListShape List = new(
        "proposals", "proposals", "1 = 1", "id", NumericId: true,
        new Dictionary<string, KeysetSort>(StringComparer.Ordinal)
        {
            ["order"] = new($"({Rank}) * 2 + ({Routine})", Numeric: true), ["id"] = new("id", Numeric: true),
            ["state"] = new("state"), ["risk"] = new("risk"), ["agent"] = new("agent"), ["title"] = new("title"), ["proposedAt"] = new("proposed_at"),
        },
        "order", DefaultDescending: false,
        new Dictionary<string, string>(StringComparer.Ordinal) { ["state"] = "state", ["risk"] = "risk", ["agent"] = "agent" },
        ["CAST(id AS TEXT)", "title", "agent", "state", "risk"], Named: ["title"]);

    public static Task<ListPageOf<ProposalRow>> ListAsync(DataUnit unit, ListPageQuery query, CancellationToken cancellationToken) =>
        SqlList.ReadAsync<ProposalRow>(unit, List, ProposalRow.Columns, query, cancellationToken);

    public static ProposalCursor CursorOf(ProposalRow row) => new(RankOf(row.State), row.Risk == "Routine" ? 1 : 0, row.Id);

    /// <summary>The same rank as <see cref="Rank"/>, for rows already read (the console's in-memory inbox sorts by it).</summary>
    public static int RankOf(string state) => state switch
    {
        "proposed" => 0,
        "failed" => 1,
        "approved" or "executing" => 2,
        "executed" => 3,
        _ => 4,
    };
}
