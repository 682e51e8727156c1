namespace BackOffice.Store.Bundle.Generator;

/// <summary>What `backoffice generate` writes (issue 3): N jobs, a seed for names, amounts and dates, ledger lines per job.</summary>
public sealed record GeneratorOptions(int Jobs, int Seed, int LinesPerJob = GeneratorOptions.DefaultLinesPerJob, bool Clean = false)
{
    public const int DefaultLinesPerJob = 2000;

    /// <summary>Each planted category sits on its own job, so planting needs this many jobs.</summary>
    public const int MinimumJobsToPlant = 10;

    public void Validate()
    {
        if (Jobs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Jobs), Jobs, "generate needs at least one job");
        }

        if (LinesPerJob < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LinesPerJob), LinesPerJob, "generate needs at least one ledger line per job");
        }

        if (!Clean && Jobs < MinimumJobsToPlant)
        {
            throw new ArgumentOutOfRangeException(nameof(Jobs), Jobs,
                $"planting one discrepancy of each category needs at least {MinimumJobsToPlant} jobs; use --clean for fewer");
        }
    }
}

/// <summary>One planted discrepancy, keyed exactly as the reconciliation worklist reports it (category:subject).</summary>
public sealed record PlantedItem(string Key, string Category, string JobId);

/// <summary>What was written: the folder, the CSV files and the planted discrepancies (empty when clean).</summary>
public sealed record GeneratedBundle(string Directory, IReadOnlyList<string> Files, IReadOnlyList<PlantedItem> Planted, long LedgerLines);
