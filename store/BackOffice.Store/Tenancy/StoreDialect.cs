namespace BackOffice.Store.Tenancy;

/// <summary>Which SQL a store sends where the two engines disagree (issue 18); one statement wherever both accept it.</summary>
public enum StoreDialect
{
    Sqlite,
    Postgres,
}
