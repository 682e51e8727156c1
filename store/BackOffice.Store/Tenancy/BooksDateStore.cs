using System.Globalization;
using Dapper;

namespace BackOffice.Store.Tenancy;

/// <summary>
/// Reads and writes books_date (1920_books_date.sql, issue 17): the date a tenant's fixed sample books are read as of.
/// Every default "as of" (sweeps, reports, the console and the API when no date is asked) comes from
/// <see cref="DefaultAsOfAsync"/>, so the demo reads the same on any day while live books read as of today.
/// </summary>
public sealed class BooksDateStore(TenantData tenant)
{
    /// <summary>The pinned date, or null when the books are live.</summary>
    public async Task<DateOnly?> PinnedAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var text = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT as_of FROM books_date WHERE id = 1", cancellationToken: cancellationToken));
        return text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The pinned date when there is one, else today (UTC) on the tenant's clock.</summary>
    public async Task<DateOnly> DefaultAsOfAsync(CancellationToken cancellationToken) =>
        await PinnedAsync(cancellationToken) ?? DateOnly.FromDateTime(tenant.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Pins the books to <paramref name="asOf"/> (replacing an earlier pin), in a unit of its own.</summary>
    public async Task PinAsync(DateOnly asOf, string by, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        await PinAsync(unit, asOf, by, cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>Pins the books in the caller's unit, so the audit event of the change commits with it.</summary>
    public Task PinAsync(DataUnit unit, DateOnly asOf, string by, CancellationToken cancellationToken) =>
        unit.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO books_date (id, as_of, set_by, set_at) VALUES (1, @asOf, @by, @at)
            ON CONFLICT ({StoreSql.ConflictOn(unit.Connection, "id")}) DO UPDATE SET as_of = excluded.as_of, set_by = excluded.set_by, set_at = excluded.set_at
            """,
            new
            {
                asOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), by,
                at = tenant.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            },
            unit.Transaction, cancellationToken: cancellationToken));
}
