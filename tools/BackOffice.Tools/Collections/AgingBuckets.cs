namespace BackOffice.Tools.Collections;

/// <summary>
/// What an aging counts days from (issue 16): the due date (days past due; QuickBooks Online's only choice) or the
/// invoice date (days since billed, which makes long terms look old). Source: legalclarity.org, "When does an aging
/// report begin: invoice date vs due date" (figures.md section 7).
/// </summary>
public enum AgingBasis
{
    DueDate,
    InvoiceDate,
}

/// <summary>
/// Aging buckets by days past the due date (issue 5). Day 0 is the due date itself and is "current": an invoice is
/// past due from the day after its due date. With upper bounds [30, 60, 90] the buckets are
/// current (&lt;= 0), 1-30, 31-60, 61-90 and over 90; each bound belongs to the bucket it closes.
/// </summary>
public sealed record AgingBuckets
{
    public AgingBuckets(IReadOnlyList<int> upperBounds)
    {
        if (upperBounds.Count == 0 || upperBounds[0] < 1 || upperBounds.Zip(upperBounds.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("Aging bucket bounds must be positive and strictly increasing, e.g. 30, 60, 90.", nameof(upperBounds));
        }

        UpperBounds = upperBounds;
        var labels = new List<string> { Current };
        var lower = 1;
        foreach (var bound in upperBounds)
        {
            labels.Add($"{lower}-{bound}");
            lower = bound + 1;
        }

        labels.Add($"over {upperBounds[^1]}");
        Labels = labels;
        // Issue 16: by invoice date there is no "current": day 0 is the invoice date and falls in the first bucket, 0-30.
        InvoiceDateLabels = [$"0-{upperBounds[0]}", .. labels.Skip(2)];
    }

    /// <summary>Every bucket label by invoice date in order: "0-30", "31-60", ..., "over 90".</summary>
    public IReadOnlyList<string> InvoiceDateLabels { get; }

    public IReadOnlyList<string> LabelsFor(AgingBasis basis) => basis == AgingBasis.InvoiceDate ? InvoiceDateLabels : Labels;

    /// <summary>The bucket of an age in days: days past due (due-date basis) or days since the invoice date.</summary>
    public string LabelFor(int days, AgingBasis basis)
    {
        if (basis == AgingBasis.DueDate)
        {
            return LabelFor(days);
        }

        var index = UpperBounds.ToList().FindIndex(bound => days <= bound);
        return index < 0 ? InvoiceDateLabels[^1] : InvoiceDateLabels[index];
    }

    public const string Current = "current";

    public static AgingBuckets Standard { get; } = new([30, 60, 90]);

    public IReadOnlyList<int> UpperBounds { get; }

    /// <summary>Every bucket label in order: "current", "1-30", ..., "over 90".</summary>
    public IReadOnlyList<string> Labels { get; }

    public string LabelFor(int daysPastDue)
    {
        if (daysPastDue <= 0)
        {
            return Current;
        }

        for (var i = 0; i < UpperBounds.Count; i++)
        {
            if (daysPastDue <= UpperBounds[i])
            {
                return Labels[i + 1];
            }
        }

        return Labels[^1];
    }
}
