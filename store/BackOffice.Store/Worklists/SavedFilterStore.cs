using System.Globalization;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Worklists;

/// <summary>A person's named filter on a console list: the list's URL parameters, and whether the list opens with it.</summary>
public sealed record SavedFilter(string List, string Name, string Query, bool IsDefault, string SavedAt);

/// <summary>A name or list a saved filter cannot have (400 from the console).</summary>
public sealed class SavedFilterException(string message) : ArgumentException(message);

/// <summary>
/// Reads and writes saved_filters (1978_saved_filters.sql, issue 17): per user and list, named filters and at most one
/// default. Saving under an existing name replaces it; making one the default clears the others in the same unit.
/// </summary>
public sealed class SavedFilterStore(TenantData tenant)
{
    public const int MaxNameLength = 60;
    public const int MaxQueryLength = 2000;

    public async Task<IReadOnlyList<SavedFilter>> ListAsync(string user, string list, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<(string List, string Name, string Query, long IsDefault, string SavedAt)>(new CommandDefinition(
            "SELECT list, name, query, is_default, saved_at FROM saved_filters WHERE user_name = @user AND list = @list ORDER BY name",
            new { user, list }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SavedFilter(r.List, r.Name, r.Query, r.IsDefault == 1, r.SavedAt))];
    }

    /// <summary>The filter the list opens with for <paramref name="user"/>, or null.</summary>
    public async Task<SavedFilter?> DefaultAsync(string user, string list, CancellationToken cancellationToken) =>
        (await ListAsync(user, list, cancellationToken)).FirstOrDefault(f => f.IsDefault);

    public async Task SaveAsync(string user, string list, string name, string query, bool makeDefault, CancellationToken cancellationToken)
    {
        name = Checked(name, query);
        await using var unit = await tenant.WriteAsync(cancellationToken);
        if (makeDefault)
        {
            await ClearDefaultAsync(unit, user, list, cancellationToken);
        }

        await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO saved_filters (user_name, list, name, query, is_default, saved_at) VALUES (@user, @list, @name, @query, @isDefault, @at)
            ON CONFLICT ({StoreSql.ConflictOn(unit.Connection, "user_name, list, name")})
            DO UPDATE SET query = excluded.query, is_default = excluded.is_default, saved_at = excluded.saved_at
            """,
            new { user, list, name, query, isDefault = makeDefault ? 1 : 0, at = tenant.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
            unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>Makes <paramref name="name"/> the list's default for the user, or, with null, leaves the list without one.</summary>
    public async Task SetDefaultAsync(string user, string list, string? name, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        await ClearDefaultAsync(unit, user, list, cancellationToken);
        if (name is not null && await unit.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE saved_filters SET is_default = 1 WHERE user_name = @user AND list = @list AND name = @name",
                new { user, list, name }, unit.Transaction, cancellationToken: cancellationToken)) == 0)
        {
            throw new SavedFilterException($"There is no saved filter '{name}' on this list.");
        }

        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes the user's filter; false when there was none of that name.</summary>
    public async Task<bool> DeleteAsync(string user, string list, string name, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        var deleted = await unit.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM saved_filters WHERE user_name = @user AND list = @list AND name = @name",
            new { user, list, name }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    private static Task ClearDefaultAsync(DataUnit unit, string user, string list, CancellationToken cancellationToken) =>
        unit.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE saved_filters SET is_default = 0 WHERE user_name = @user AND list = @list AND is_default = 1",
            new { user, list }, unit.Transaction, cancellationToken: cancellationToken));

    private static string Checked(string name, string query)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new SavedFilterException($"A saved filter needs a name of 1 to {MaxNameLength} characters.");
        }

        return query.Length > MaxQueryLength
            ? throw new SavedFilterException($"The filter is longer than {MaxQueryLength} characters; save a shorter one.")
            : trimmed;
    }
}
