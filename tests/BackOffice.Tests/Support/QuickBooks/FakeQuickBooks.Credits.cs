using System.Globalization;
using System.Text.Json.Nodes;

namespace BackOffice.Tests.Support.QuickBooks;

/// <summary>
/// BillPayment, CreditMemo and VendorCredit in the shapes of Intuit's API reference samples (developer.intuit.com
/// billpayment, creditmemo and vendorcredit; qbo.md section 5) and python-quickbooks objects/billpayment.py (issue 13).
/// </summary>
public sealed partial class FakeQuickBooks
{
    /// <summary>
    /// Pays <paramref name="amount"/> of a bill as a person would in QuickBooks: the BillPayment links the bill on its
    /// line, and the bill's Balance drops and its LinkedTxn gains the payment (TxnType BillPaymentCheck for a check).
    /// </summary>
    public string PayBill(string billId, decimal amount, string payType = "Check", string txnDate = "2026-10-20", DateTimeOffset? updated = null)
    {
        var bill = Find("Bill", billId) ?? throw new InvalidOperationException($"no bill {billId}");
        var id = Add("BillPayment", BillPayment(bill["VendorRef"]!["value"]!.GetValue<string>(), billId, amount, payType, txnDate), updated);
        Touch("Bill", billId, b =>
        {
            var total = b["TotalAmt"]!.GetValue<decimal>();
            b["Balance"] = (b["Balance"]?.GetValue<decimal>() ?? total) - amount;
            var links = b["LinkedTxn"] as JsonArray ?? [];
            links.Add(new JsonObject { ["TxnId"] = id, ["TxnType"] = payType == "Check" ? "BillPaymentCheck" : "BillPaymentCreditCard" });
            b["LinkedTxn"] = links;
        });
        return id;
    }

    public static JsonObject BillPayment(string vendorId, string billId, decimal amount, string payType = "Check", string txnDate = "2026-10-20")
    {
        var payment = new JsonObject
        {
            ["VendorRef"] = new JsonObject { ["value"] = vendorId }, ["PayType"] = payType, ["TotalAmt"] = amount, ["TxnDate"] = txnDate,
            ["CurrencyRef"] = new JsonObject { ["value"] = "USD", ["name"] = "United States Dollar" },
            ["Line"] = new JsonArray(new JsonObject { ["Amount"] = amount, ["LinkedTxn"] = new JsonArray(new JsonObject { ["TxnId"] = billId, ["TxnType"] = "Bill" }) }),
        };
        payment[payType == "Check" ? "CheckPayment" : "CreditCardPayment"] = payType == "Check"
            ? new JsonObject { ["BankAccountRef"] = new JsonObject { ["value"] = "35", ["name"] = "Checking" }, ["PrintStatus"] = "NeedToPrint" }
            : new JsonObject { ["CCAccountRef"] = new JsonObject { ["value"] = "41", ["name"] = "Mastercard" } };
        return payment;
    }

    /// <summary>A credit memo; <paramref name="remaining"/> is RemainingCredit (and Balance), what is not yet applied.</summary>
    public static JsonObject CreditMemo(string customerId, decimal amount, decimal remaining, string txnDate = "2026-11-02") => new()
    {
        ["CustomerRef"] = new JsonObject { ["value"] = customerId }, ["DocNumber"] = "CM-" + amount.ToString("0", CultureInfo.InvariantCulture), ["TxnDate"] = txnDate,
        ["TotalAmt"] = amount, ["Balance"] = remaining, ["RemainingCredit"] = remaining,
        ["Line"] = new JsonArray(new JsonObject
        {
            ["Amount"] = amount, ["DetailType"] = "SalesItemLineDetail",
            ["SalesItemLineDetail"] = new JsonObject { ["ItemRef"] = new JsonObject { ["value"] = "1", ["name"] = "Services" } },
        }),
    };

    /// <summary>A vendor credit; <paramref name="balance"/> is what is not yet applied to a bill.</summary>
    public static JsonObject VendorCredit(string vendorId, decimal amount, decimal balance, string txnDate = "2026-10-10") => new()
    {
        ["VendorRef"] = new JsonObject { ["value"] = vendorId }, ["APAccountRef"] = new JsonObject { ["value"] = "33", ["name"] = "Accounts Payable (A/P)" },
        ["TxnDate"] = txnDate, ["TotalAmt"] = amount, ["Balance"] = balance,
        ["Line"] = new JsonArray(new JsonObject
        {
            ["Amount"] = amount, ["DetailType"] = "AccountBasedExpenseLineDetail",
            ["AccountBasedExpenseLineDetail"] = new JsonObject { ["AccountRef"] = new JsonObject { ["value"] = "64" }, ["BillableStatus"] = "NotBillable" },
        }),
    };
}
