namespace BackOffice.Store.Tenancy;

/// <summary>Issue 18: a part of the store that runs only on SQLite so far was asked for on PostgreSQL.</summary>
public sealed class StoreNotPortedException(string what)
    : InvalidOperationException($"{what} is not yet ported to PostgreSQL (issue 18); use Store:Provider=sqlite.");
