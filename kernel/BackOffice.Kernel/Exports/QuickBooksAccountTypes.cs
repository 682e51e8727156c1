namespace BackOffice.Kernel.Exports;

/// <summary>QuickBooks Online's account type words in exports ([QB-CHT]) to the canonical types (docs/DATA-FORMAT.md).</summary>
public static class QuickBooksAccountTypes
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Bank"] = "Bank", ["Accounts receivable (A/R)"] = "Accounts Receivable", ["Accounts Receivable"] = "Accounts Receivable",
        ["Other Current Assets"] = "Other Current Asset", ["Other Current Asset"] = "Other Current Asset",
        ["Fixed Assets"] = "Fixed Asset", ["Fixed Asset"] = "Fixed Asset", ["Other Assets"] = "Other Asset", ["Other Asset"] = "Other Asset",
        ["Accounts payable (A/P)"] = "Accounts Payable", ["Accounts Payable"] = "Accounts Payable", ["Credit Card"] = "Credit Card",
        ["Other Current Liabilities"] = "Other Current Liability", ["Other Current Liability"] = "Other Current Liability",
        ["Long Term Liabilities"] = "Long Term Liability", ["Long Term Liability"] = "Long Term Liability", ["Equity"] = "Equity",
        ["Income"] = "Income", ["Other Income"] = "Other Income", ["Cost of Goods Sold"] = "Cost of Goods Sold",
        ["Expenses"] = "Expense", ["Expense"] = "Expense", ["Other Expense"] = "Other Expense",
    };

    public static string? Canonical(string text) => Types.GetValueOrDefault(text.Trim());
}
