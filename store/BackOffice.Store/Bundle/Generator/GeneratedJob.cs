namespace BackOffice.Store.Bundle.Generator;

/// <summary>
/// One job's rows on both sides, agreeing by construction (issue 3): budget on ten cost codes, five subcontracts with
/// their ledger POs, bills of four lines each coded to the mapped account, an approved pay app with its invoice and a
/// partial payment applied to it. Amounts keep every line under 90% committed and the job profitable, so clean books
/// raise nothing; the plan's discrepancy for this job is written instead of the matching clean row.
/// </summary>
internal sealed class GeneratedJob(BundleCsvSink sink, Random random, DriftPlan plan, IReadOnlyList<string> ledgerVendors)
{
    public const int CommitmentsPerJob = 5;

    public long Write(int j, int linesPerJob)
    {
        var job = $"job-{j}";
        var customer = $"cust-{j}";
        var owner = GeneratorNames.Owner(random);
        var name = GeneratorNames.JobName(random, owner, 100 + j);
        var budget = GeneratorNames.CostCodes.Select(_ => Dollars(150_000, 300_000, 100)).ToList();
        var contract = budget.Sum() * random.Next(112, 126) / 100 / 100 * 100;
        var start = new DateOnly(2026, 1, 5).AddDays(random.Next(150));
        sink.Add("project/jobs.csv", ("id", job), ("number", $"2026-{100 + j}"), ("name", name), ("status", "active"),
            ("customer_name", owner), ("contract_cents", contract), ("start_date", start), ("substantial_completion_date", start.AddDays(random.Next(240, 420))));
        sink.Add("ledger/customers.csv", ("id", $"cust-o-{j}"), ("name", owner), ("fully_qualified_name", owner), ("is_project", false), ("active", true));
        sink.Add("ledger/customers.csv", ("id", customer), ("name", name), ("parent_id", $"cust-o-{j}"), ("fully_qualified_name", $"{owner}:{name}"),
            ("is_project", true), ("active", true));
        sink.Add("mappings/links.csv", ("id", $"link-job-{j}"), ("kind", "job"), ("project_id", job), ("ledger_id", customer));
        for (var i = 0; i < budget.Count; i++)
        {
            sink.Add("project/budget-lines.csv", ("id", $"bl-{j}-{i}"), ("job_id", job), ("cost_code", GeneratorNames.CostCodes[i].Code),
                ("original_cents", budget[i]), ("approved_changes_cents", 0L), ("pm_estimate_at_completion_cents", budget[i]));
        }

        var vendors = Commitments(j, job, customer, budget);
        new GeneratedJobPlants(sink, plan).Write(j, job, customer, ledgerVendors[vendors[0]]);
        var lines = Bills(j, customer, linesPerJob);
        Billing(j, job, customer, contract);
        return lines;
    }

    /// <summary>Five approved subcontracts at 60-80% of their budget line, each mirrored by an open ledger PO.</summary>
    private List<int> Commitments(int j, string job, string customer, List<long> budget)
    {
        var vendors = new List<int>();
        for (var k = 0; k < CommitmentsPerJob; k++)
        {
            var vendor = random.Next(ledgerVendors.Count);
            vendors.Add(vendor);
            var id = $"c-{j}-{k}";
            var amount = budget[k] * random.Next(60, 81) / 100 / 100 * 100;
            sink.Add("project/commitments.csv", ("id", id), ("job_id", job), ("vendor_id", $"pv-{vendor}"), ("number", $"SC-{j}-{k}"),
                ("title", $"{GeneratorNames.CostCodes[k].Description} subcontract"), ("kind", "subcontract"), ("status", "approved"),
                ("retainage_bp", 1000L), ("contract_date", new DateOnly(2026, 1, 2).AddDays(random.Next(60))));
            sink.Add("project/commitment-lines.csv", ("id", $"{id}-1"), ("commitment_id", id), ("cost_code", GeneratorNames.CostCodes[k].Code),
                ("amount_cents", amount));
            var poTotal = amount + PlantedPoDelta(j, id);
            sink.Add("ledger/purchase-orders.csv", ("id", $"po-{id}"), ("vendor_id", ledgerVendors[vendor]), ("customer_id", customer),
                ("doc_number", $"SC-{j}-{k}"), ("txn_date", new DateOnly(2026, 3, 2)), ("total_cents", poTotal), ("status", "Open"));
        }

        return vendors;
    }

    private long PlantedPoDelta(int j, string commitment)
    {
        if (!commitment.EndsWith("-0", StringComparison.Ordinal))
        {
            return 0;
        }

        if (plan.Is(j, DriftPlan.CommitmentAmountDiffers))
        {
            plan.Record(DriftPlan.CommitmentAmountDiffers, commitment, $"job-{j}");
            return 500_000;
        }

        return plan.Is(j, DriftPlan.ChangeOrderLedgerOnly) ? 300_000 : 0;
    }

    /// <summary>Bills of four lines ($50-$150 each) from random vendors, numbered uniquely so none looks like a duplicate.</summary>
    private long Bills(int j, string customer, int linesPerJob)
    {
        var written = 0;
        for (var b = 0; written < linesPerJob; b++)
        {
            var count = Math.Min(4, linesPerJob - written);
            var amounts = Enumerable.Range(0, count).Select(_ => (long)random.Next(5_000, 15_001)).ToList();
            var date = new DateOnly(2026, 1, 5).AddDays(random.Next(290));
            var bill = new BillRow($"b-{j}-{b}", ledgerVendors[random.Next(ledgerVendors.Count)], $"B{j:D4}X{b:D4}", date, amounts.Sum());
            WriteBill(bill);
            for (var l = 0; l < count; l++)
            {
                sink.Add("ledger/bill-lines.csv", ("id", $"{bill.Id}-{l}"), ("bill_id", bill.Id), ("line_no", (long)l + 1), ("account_id", "acct-5100"),
                    ("customer_id", customer), ("item", GeneratorNames.CostCodes[random.Next(GeneratorNames.CostCodes.Length)].Code),
                    ("amount_cents", amounts[l]), ("billable", "NotBillable"));
            }

            if (b == 0 && plan.DuplicateJob == j)
            {
                // The same vendor's invoice keyed in again two weeks later, without lines (issue 3 duplicate-bill plant).
                WriteBill(bill with { Id = $"{bill.Id}-dup", Date = date.AddDays(14) });
                plan.Record(DriftPlan.DuplicateBill, $"{bill.Id}-dup", $"job-{j}");
            }

            written += count;
        }

        return written;
    }

    private void WriteBill(BillRow bill) =>
        sink.Add("ledger/bills.csv", ("id", bill.Id), ("vendor_id", bill.Vendor), ("doc_number", bill.Doc), ("txn_date", bill.Date),
            ("due_date", bill.Date.AddDays(30)), ("total_cents", bill.Total));

    /// <summary>An approved pay app for 20-50% of the contract with 10% retainage, its invoice, and a partial payment applied to it.</summary>
    private void Billing(int j, string job, string customer, long contract)
    {
        var work = contract * random.Next(20, 51) / 100 / 100 * 100;
        var retainage = work / 10;
        var due = work - retainage;
        sink.Add("project/pay-apps.csv", ("id", $"pa-{j}"), ("job_id", job), ("number", "1"), ("period_end", new DateOnly(2026, 10, 31)),
            ("work_completed_to_date_cents", work), ("stored_materials_cents", 0L), ("retainage_held_to_date_cents", retainage),
            ("amount_due_cents", due), ("status", "approved"));
        new GeneratedJobPlants(sink, plan).Invoice(j, customer, due, retainage, random.Next(30, 71));
    }

    private long Dollars(int min, int max, int step) => (long)random.Next(min / step, max / step + 1) * step * 100;

    private sealed record BillRow(string Id, string Vendor, string Doc, DateOnly Date, long Total);
}
