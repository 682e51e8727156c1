using Quartz;

namespace BackOffice.Kernel.Sweeps;

/// <summary>One scheduled sync: a tenant, a connected system ("quickbooks" or "procore") and a Quartz cron (seconds first, UTC).</summary>
public sealed class SyncSchedule
{
    public string Tenant { get; set; } = "";

    public string Source { get; set; } = "";

    public string Cron { get; set; } = "";
}

/// <summary>`Sync:Schedules` in appsettings.json (issue 14): the syncs `serve` runs beside the sweeps.</summary>
public sealed class SyncScheduleOptions
{
    public const string SectionName = "Sync";

    public static readonly IReadOnlySet<string> Sources = new HashSet<string>(StringComparer.Ordinal) { "quickbooks", "procore" };

    public List<SyncSchedule> Schedules { get; set; } = [];

    /// <summary>What is wrong with the schedules, each naming its entry: checked at start, so a typo never silently stops a sync.</summary>
    public IEnumerable<string> Problems() => Schedules.SelectMany((s, i) => Problems(s, $"Sync:Schedules:{i}"));

    private static IEnumerable<string> Problems(SyncSchedule s, string where)
    {
        if (string.IsNullOrWhiteSpace(s.Tenant))
        {
            yield return $"{where}:Tenant is empty";
        }

        if (!Sources.Contains(s.Source))
        {
            yield return $"{where}:Source '{s.Source}' is not quickbooks or procore";
        }

        if (!CronExpression.TryParse(s.Cron, out _))
        {
            yield return $"{where}:Cron '{s.Cron}' is not a valid cron expression (Quartz format: sec min hour day month weekday)";
        }
    }
}

/// <summary>A connected system's sync as the scheduler runs it (the host adapts QuickBooksSync and ProcoreSync).</summary>
public interface IScheduledSync
{
    /// <summary>"quickbooks" or "procore".</summary>
    string Source { get; }

    /// <summary>Syncs the tenant's connection (changes since the last sync); throws when it cannot.</summary>
    Task<BackOffice.Store.Connectors.SyncReport> SyncAsync(BackOffice.Store.Tenancy.TenantData tenant, CancellationToken cancellationToken);
}
