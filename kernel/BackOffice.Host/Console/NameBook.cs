using BackOffice.Agents.Books;
using BackOffice.Store.Tenancy;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The names a person knows records by (issue 17): "5400 Subcontract costs" for acct-5400, the customer's name for
/// cust-11, the job's number and name for job-101. Read once per page from the tenant's stores; an id the book does
/// not know is shown as it is.
/// </summary>
public sealed class NameBook
{
    private readonly Dictionary<string, string> _names;
    private readonly Dictionary<string, string> _jobs;

    /// <summary>Issue 17: the records named inside a cell's text ("acct-1190: credit positive", "ledger_bills:bill-5010").</summary>
    private readonly RecordRefs _refs;

    private NameBook()
        : this(new(StringComparer.Ordinal), new(StringComparer.Ordinal), RecordRefs.None)
    {
    }

    private NameBook(Dictionary<string, string> names, Dictionary<string, string> jobs, RecordRefs refs) => (_names, _jobs, _refs) = (names, jobs, refs);

    /// <summary>
    /// The same names, and the record references of <paramref name="refs"/> inside a text cell read as their records too
    /// (one <see cref="RecordRefs.LoadAsync"/> over the page's text, not a query a cell).
    /// </summary>
    public NameBook With(RecordRefs refs) => new(_names, _jobs, refs);

    public static async Task<NameBook> LoadAsync(TenantData data, CancellationToken ct)
    {
        var book = new NameBook();
        foreach (var a in await data.Ledger.AccountsAsync(ct))
        {
            book._names[a.Id] = string.IsNullOrEmpty(a.Number) ? a.Name : $"{a.Number} {a.Name}";
        }

        foreach (var v in await data.Ledger.VendorsAsync(ct))
        {
            book._names[v.Id] = v.Name;
        }

        foreach (var c in await data.Ledger.CustomersAsync(ct))
        {
            book._names[c.Id] = c.FullyQualifiedName;
        }

        foreach (var v in await data.Project.VendorsAsync(ct))
        {
            book._names.TryAdd(v.Id, v.Name);
        }

        await book.LoadJobsAsync(data, ct);
        return book;
    }

    /// <summary>
    /// Issue 17: one job identifier everywhere. Reports name a job by its id, number, name or the ledger customer it
    /// is ("Okafor, Daniel:Lakeview Custom Home"); a job column shows each as the project job's number and name.
    /// </summary>
    private async Task LoadJobsAsync(TenantData data, CancellationToken ct)
    {
        var books = await TenantBooks.LoadAsync(data, memory: null, ct);
        var customers = books.Masters.LedgerCustomers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var j in books.Masters.Jobs)
        {
            var label = string.IsNullOrEmpty(j.Number) ? j.Name : $"{j.Number} {j.Name}";
            _names[j.Id] = label;
            foreach (var alias in new[] { j.Id, j.Number, j.Name }.OfType<string>().Where(a => a.Length > 0))
            {
                _jobs.TryAdd(alias, label);
            }

            if (books.Identity.Job(j).LedgerId is { } ledgerId && customers.TryGetValue(ledgerId, out var customer))
            {
                _jobs.TryAdd(customer.Id, label);
                _jobs.TryAdd(customer.FullyQualifiedName, label);
            }
        }
    }

    public static NameBook Empty { get; } = new();

    public int Count => _names.Count;

    public bool Knows(string id) => _names.ContainsKey(id);

    /// <summary>The name of a known id; otherwise the text itself.</summary>
    public string Name(string? id) => id is not null && _names.TryGetValue(id, out var name) ? name : id ?? "";

    /// <summary>A job cell (one job or several, ", "-separated) as each job's number and name; other text as <see cref="Names"/>.</summary>
    public string Jobs(string text)
    {
        if (_jobs.TryGetValue(text, out var whole))
        {
            return whole;
        }

        var parts = text.Split(", ");
        return parts.Length > 1 && parts.Any(_jobs.ContainsKey)
            ? string.Join(", ", parts.Select(p => _jobs.TryGetValue(p, out var label) ? label : Name(p)))
            : Names(text);
    }

    /// <summary>
    /// A cell listing several ids ("job-1, job-2" or "ledger_bills:b-9 ..."): each known id replaced by its name; then
    /// the record references inside the text (<see cref="With"/>) as their records.
    /// </summary>
    public string Names(string text)
    {
        if (_names.TryGetValue(text, out var whole))
        {
            return whole;
        }

        var parts = text.Split(", ");
        return _refs.Text(parts.Length > 1 && parts.Any(_names.ContainsKey) ? string.Join(", ", parts.Select(Name)) : text);
    }
}
