using BackOffice.Tools.Retainage;

namespace BackOffice.Agents.Financial;

/// <summary>
/// A subcontract's retainage schedule, `Agents:financial:RetainageSchedules` (issue 16): the commitment by id or number,
/// its tiers (ascending, the last without `UpToPercentComplete`) and how a change of percent reads. A commitment without
/// one is held at its own flat `retainage_percent`.
/// </summary>
public sealed class RetainageScheduleOptions
{
    public string Commitment { get; init; } = "";

    public RetainageReading Reading { get; init; } = RetainageReading.ByBand;

    public List<RetainageTierOptions> Tiers { get; init; } = [];

    public RetainageSchedule ToSchedule() => new([.. Tiers.Select(t => new RetainageTier(t.UpToPercentComplete, t.Percent))], Reading);

    public bool Valid
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Commitment) || !Enum.IsDefined(Reading))
            {
                return false;
            }

            try
            {
                ToSchedule().Validate();
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}

public sealed class RetainageTierOptions
{
    /// <summary>Percent complete of the commitment's value up to which <see cref="Percent"/> applies; empty on the last tier.</summary>
    public decimal? UpToPercentComplete { get; init; }

    public decimal Percent { get; init; }
}
