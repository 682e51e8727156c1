using System.Data.Common;
using BackOffice.Domain.Money;
using Dapper;

namespace BackOffice.Store.Sandbox;

/// <summary>The reference and amount checks QuickBooks Online makes before it accepts a transaction.</summary>
internal static class SandboxChecks
{
    /// <summary>Refuses a reference to a row that does not exist or is inactive (QuickBooks 2500 "Invalid Reference Id").</summary>
    public static async Task RequireActiveAsync(
        DbConnection connection, DbTransaction transaction, string table, string label, string id, CancellationToken cancellationToken)
    {
        // table is one of our own constants, never input: ids are always bound as parameters.
        var active = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT active FROM {table} WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        if (active is null or 0)
        {
            throw new SandboxLedgerException(
                SandboxErrorCodes.InvalidReference, $"Invalid Reference Id: {label} {id} does not exist or is inactive.");
        }
    }

    /// <summary>
    /// An amount in whole cents. Journal lines are never negative (PostingType gives the direction); bill lines may be,
    /// as QuickBooks users enter retainage held as a negative line, provided the bill's total is not negative.
    /// </summary>
    public static long ToCents(decimal amount, int lineNo, bool allowNegative = false)
    {
        if (amount < 0m && !allowNegative)
        {
            throw new SandboxLedgerException(SandboxErrorCodes.InvalidProperty, $"Line {lineNo}: Amount {amount} is negative.");
        }

        try
        {
            return Cents.FromDollars(amount);
        }
        catch (ArgumentException ex)
        {
            throw new SandboxLedgerException(SandboxErrorCodes.InvalidProperty, $"Line {lineNo}: {ex.Message}");
        }
    }

    public static void RequireNonNegativeTotal(long totalCents)
    {
        if (totalCents < 0)
        {
            throw new SandboxLedgerException(
                SandboxErrorCodes.InvalidProperty, $"Invalid Amount: the bill total {Cents.ToDollars(totalCents):0.00} is negative; enter a vendor credit instead.");
        }
    }

    public static void RequireLines<T>(IReadOnlyList<T> lines)
    {
        if (lines.Count == 0)
        {
            throw new SandboxLedgerException(SandboxErrorCodes.RequiredParamMissing, "Required param missing: Line needs at least one entry.");
        }
    }

    /// <summary>Update, delete and void need the current SyncToken (QuickBooks 5010 "Stale Object Error").</summary>
    public static void RequireCurrentToken(string entity, string id, long current, long sent)
    {
        if (current != sent)
        {
            throw new SandboxLedgerException(
                SandboxErrorCodes.StaleObject, $"Stale Object Error: {entity} {id} is at SyncToken {current}, the request sent {sent}.");
        }
    }
}
