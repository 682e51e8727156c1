using BackOffice.Store.Bundle;
using BackOffice.Store.Bundle.Generator;
using BackOffice.Tests.Gate;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issue 18: a payment line names its invoice in the change journal, before and after, beside its payment: a deleted or
/// moved line is no longer on the payment, and Collections' aging snapshot must know which invoice it settled.
/// </summary>
public sealed class PaymentLineJournalTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Reimport_PaymentLineDeleted_RecordsItsPaymentAndItsInvoice()
    {
        var bundle = BundleGenerator.Write(Path.Combine(_temp.Root, "bundle"), new GeneratorOptions(2, 5, 20, Clean: true)).Directory;
        var importer = new BundleImporter(new ManualClock());
        await importer.ImportAsync(bundle, _temp.Tenant("gen"), "test", null, _ct);
        var latest = await _temp.Tenant("gen").Changes.LatestAsync(_ct);
        var file = Path.Combine(bundle, "ledger", "payment-lines.csv");
        var lines = File.ReadAllLines(file).ToList();
        var header = lines[0].Split(',');
        var deleted = lines[1].Split(',');
        lines.RemoveAt(1);
        File.WriteAllLines(file, lines);

        await importer.ImportAsync(bundle, _temp.Tenant("gen"), "test", null, _ct);

        var entries = (await _temp.Tenant("gen").Changes.SinceAsync(latest, _ct)).Select(e => (e.Kind, e.Key, e.Table)).Order().ToList();
        Assert.Equal(
            [("ledger_invoices", deleted[Array.IndexOf(header, "invoice_id")], "ledger_payment_lines"),
             ("ledger_payments", deleted[Array.IndexOf(header, "payment_id")], "ledger_payment_lines")],
            entries);
    }
}
