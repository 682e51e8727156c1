using System.Globalization;

namespace BackOffice.Kernel.Exports;

/// <summary>
/// Buildertrend's time clock shift report (issue 14; [BT-BZ]) as timecards. The report has each shift's date and hours
/// but no clock-in time, so a shift is stored as starting at 07:00 on its date and lasting its total work time (whole
/// minutes, half away from zero): daily and weekly hours, and so overtime, come out right; the time of day does not.
/// </summary>
public static class ExportShifts
{
    private static readonly TimeOnly AssumedStart = new(7, 0);

    public static void Convert(ExportRow row, ExportBatch batch)
    {
        var employee = ExportRecords.Existing(row, batch, "name", NameEntity.Employee,
            "add the employee first (workforce/employees.csv in a bundle: trade, work state and rate are not in this export)");
        var job = ExportRecords.Job(row, batch);
        var date = row.Date("date", required: true);
        var hours = row.Hours("total", required: true);
        if (hours is < 0m or > 24m)
        {
            row.Fail("total", $"expected hours from 0 to 24 in one shift, got '{row.Text("total")}'");
        }

        if (row.Bad || date is null || hours is null)
        {
            return;
        }

        var start = date.Value.ToDateTime(AssumedStart);
        var minutes = (int)decimal.Round(hours.Value * 60m, 0, MidpointRounding.AwayFromZero);
        var key = $"{employee}|{date}|{job}";
        var id = ExportBatch.Id(row.Source, "shift", employee!, ExportRow.DateText(date.Value), job!, batch.Occurrence(key).ToString(CultureInfo.InvariantCulture));
        batch.Add("workforce/timecards.csv", new()
        {
            ["id"] = id, ["employee_id"] = employee!, ["job_id"] = job!,
            ["clock_in"] = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["clock_out"] = start.AddMinutes(minutes).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        });
    }
}
