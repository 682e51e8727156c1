using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Records;

/// <summary>The kinds of records a proposal payload may name (issue 19): each is checked to exist (and be active) at edit and execute time.</summary>
public enum RecordKind
{
    Account,
    Vendor,
    Customer,
    Invoice,
    Employee,
    PricebookItem,
}

/// <summary>Whether a record exists and is active, read inside the caller's unit so the check and the edit see one snapshot.</summary>
public enum RecordStatus
{
    Missing,
    Inactive,
    Active,
}

/// <summary>Looks a referenced record up by kind and id (issue 19). Tables without an active flag count every row as active.</summary>
public static class RecordReferenceStore
{
    public static async Task<RecordStatus> StatusAsync(DataUnit unit, RecordKind kind, string id, CancellationToken cancellationToken)
    {
        // The table and column names are this method's own constants; the id is a parameter.
        var (table, active) = kind switch
        {
            RecordKind.Account => ("ledger_accounts", "active"),
            RecordKind.Vendor => ("ledger_vendors", "active"),
            RecordKind.Customer => ("ledger_customers", "active"),
            RecordKind.Invoice => ("ledger_invoices", "1"),
            RecordKind.Employee => ("workforce_employees", "active"),
            RecordKind.PricebookItem => ("pricebook_items", "1"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown record kind."),
        };
        var flag = await unit.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT {active} FROM {table} WHERE id = @id", new { id }, unit.Transaction, cancellationToken: cancellationToken));
        return flag switch
        {
            null => RecordStatus.Missing,
            0 => RecordStatus.Inactive,
            _ => RecordStatus.Active,
        };
    }
}
