using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Worklists;

/// <summary>
/// Issue 17: the inbox and findings show the record ids their stored titles and narratives carry as the records a
/// person knows (the console's RecordRefs: "acct-5400" reads "5400 Permits and Fees", "bill-5001" reads "bill RP-2291
/// from Rivera Plumbing"), so a search for those words must find the row whose stored text has only the id. These are
/// the ids whose shown words contain the search: an account's number and name, a bill's number and vendor, a journal
/// entry's number, a payment's reference and customer, a commitment's number and vendor. A bill's or journal entry's
/// lines ("bill-5001-2") carry the document's id in theirs, so the document's id finds them too.
/// </summary>
public static class NamedRecords
{
    /// <summary>At most this many ids a search: a word as common as "inc" names many vendors, and the rows the text finds are found anyway.</summary>
    public const int Limit = 500;

    /// <summary>UNION ALL, not UNION: PostgreSQL cannot compare text columns of different collations, and a repeated id matches the same rows.</summary>
    private const string Sql = """
        SELECT id FROM ledger_accounts WHERE LOWER(COALESCE(number, '') || ' ' || name) LIKE @Like ESCAPE '\'
        UNION ALL SELECT b.id FROM ledger_bills b LEFT JOIN ledger_vendors v ON v.id = b.vendor_id
            WHERE LOWER(COALESCE(b.doc_number, '') || ' ' || COALESCE(v.name, '')) LIKE @Like ESCAPE '\'
        UNION ALL SELECT id FROM ledger_journal_entries WHERE LOWER(COALESCE(doc_number, '')) LIKE @Like ESCAPE '\'
        UNION ALL SELECT p.id FROM ledger_payments p LEFT JOIN ledger_customers c ON c.id = p.customer_id
            WHERE LOWER(COALESCE(p.reference, '') || ' ' || COALESCE(c.fully_qualified_name, '')) LIKE @Like ESCAPE '\'
        UNION ALL SELECT m.id FROM project_commitments m LEFT JOIN project_vendors v ON v.id = m.vendor_id
            WHERE LOWER(m.number || ' ' || COALESCE(v.name, '')) LIKE @Like ESCAPE '\'
        LIMIT @Limit
        """;

    public static async Task<IReadOnlyList<string>> IdsAsync(DataUnit unit, string search, CancellationToken cancellationToken) =>
        (await unit.Connection.QueryAsync<string>(new CommandDefinition(
            Sql, new { Like = KeysetPaging.Contains(search), Limit }, unit.Transaction, cancellationToken: cancellationToken))).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// "<paramref name="column"/> contains one of the ids of the JSON array <paramref name="parameter"/>", for a list's
    /// WHERE. Ids are matched as written (case kept); an id's "_" matches any one character, which only widens a search.
    /// </summary>
    public static string AnyIn(StoreDialect dialect, string column, string parameter) => dialect == StoreDialect.Postgres
        ? $"EXISTS (SELECT 1 FROM jsonb_array_elements_text(CAST({parameter} AS jsonb)) AS n(v) WHERE {column} LIKE '%' || n.v || '%')"
        : $"EXISTS (SELECT 1 FROM json_each({parameter}) AS n WHERE {column} LIKE '%' || n.value || '%')";
}
