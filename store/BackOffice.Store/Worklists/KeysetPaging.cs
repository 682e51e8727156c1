using System.Globalization;
using System.Text;
using Dapper;

namespace BackOffice.Store.Worklists;

/// <summary>
/// Where a page of a list sorted by one column ends: that column's value and the row's id (the tie-breaker), so the
/// next page starts after it (issue 17). Opaque to callers: <see cref="ToString"/> writes it, <see cref="Parse"/> reads it.
/// </summary>
public sealed record KeysetCursor(string Value, string Id)
{
    private const char Separator = '\u001f';

    public override string ToString() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Value + Separator + Id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Reads a cursor <see cref="ToString"/> wrote; anything else is a <see cref="FormatException"/> naming it.</summary>
    public static KeysetCursor Parse(string text)
    {
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var parts = decoded.Split(Separator);
            if (parts.Length == 2)
            {
                return new KeysetCursor(parts[0], parts[1]);
            }
        }
        catch (FormatException)
        {
            // Falls through to the error that names the cursor: a mangled link is bad input, not a server fault.
        }

        throw new FormatException($"cursor: '{text}' is not a cursor this list gave.");
    }
}

/// <summary>A column a list may be sorted by: its SQL expression and whether its values are integers (cents).</summary>
public sealed record KeysetSort(string Expression, bool Numeric = false);

/// <summary>
/// Keyset paging (issue 17, after issue 18's proposal pages): ORDER BY the sort column then the id, and with a cursor
/// only rows after it, so a deep page costs what the first does (no OFFSET) and pages never overlap. One helper for
/// every list that pages in SQL, so the condition and the order cannot drift apart.
/// </summary>
public static class KeysetPaging
{
    /// <summary>The ORDER BY clause (without the keywords) for <paramref name="sort"/> then <paramref name="id"/>.</summary>
    public static string OrderBy(KeysetSort sort, string id, bool descending)
    {
        var direction = descending ? "DESC" : "ASC";
        return $"{sort.Expression} {direction}, {id} {direction}";
    }

    /// <summary>The condition "after the cursor" in that order, its values added to <paramref name="parameters"/>; empty without a cursor.</summary>
    public static string After(KeysetSort sort, string id, bool descending, KeysetCursor? cursor, DynamicParameters parameters, bool numericId = false)
    {
        if (cursor is null)
        {
            return "";
        }

        parameters.Add("AfterValue", sort.Numeric ? long.Parse(cursor.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : cursor.Value);
        // An integer id (a proposal's, an audit event's seq) is compared as one: PostgreSQL has no bigint > text.
        parameters.Add("AfterId", numericId ? long.Parse(cursor.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : cursor.Id);
        var op = descending ? "<" : ">";
        return $" AND ({sort.Expression} {op} @AfterValue OR ({sort.Expression} = @AfterValue AND {id} {op} @AfterId))";
    }

    /// <summary>
    /// Cuts the rows read with a limit one over the page: when the extra row is there, it is dropped and the cursor of
    /// the page's last row is returned; on the last page the cursor is null.
    /// </summary>
    public static KeysetCursor? Cut<T>(List<T> rows, int limit, Func<T, KeysetCursor> cursorOf)
    {
        if (rows.Count <= limit)
        {
            return null;
        }

        rows.RemoveRange(limit, rows.Count - limit);
        return cursorOf(rows[^1]);
    }

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, lower-cased, with % and _ escaped by a backslash.</summary>
    public static string Contains(string text) =>
        "%" + text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
