using System.Text.Json.Nodes;
using BackOffice.Domain.Workforce;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tools.EarnedValue;

namespace BackOffice.Tests.Figures;

/// <summary>Issue 14: how a schedule's tasks are weighted for earned value, and how a Procore task finds its cost code (DERIVED).</summary>
public sealed class ScheduleWeightsTests
{
    private static readonly DateOnly April1 = new(2026, 4, 1);

    [Fact]
    public void Weigh_TasksWithCrewHours_WeighCrewHoursAgainstTheBac()
    {
        var schedule = ScheduleWeights.Weigh([Task("a", 10, 40m, "03-300"), Task("b", 10, 0m, null)], new Dictionary<string, decimal> { ["03-300"] = 1000m });

        Assert.Equal([40m, 0m], schedule.Activities.Select(a => a.Weight));
        Assert.Equal((ScheduleWeights.CrewHours, (decimal?)null), (schedule.Weighting, schedule.Basis));
    }

    [Fact]
    public void Weigh_NoCrewHours_SpreadsEachCostCodesBudgetOverItsTasksByDays()
    {
        // DERIVED: 03-300's 9,000.00 over a 10-day and a 20-day task is 3,000.00 and 6,000.00; 09-250 has no task and
        // plans nothing; the task without a code weighs nothing. The basis is the scheduled budget, 9,000.00.
        var budget = new Dictionary<string, decimal> { ["03-300"] = 9000m, ["09-250"] = 4500m };

        var schedule = ScheduleWeights.Weigh([Task("a", 10, 0m, "03-300"), Task("b", 20, 0m, "03-300"), Task("c", 5, 0m, null)], budget);

        Assert.Equal([3000m, 6000m, 0m], schedule.Activities.Select(a => a.Weight));
        Assert.Equal((ScheduleWeights.Budget, (decimal?)9000m), (schedule.Weighting, schedule.Basis));
    }

    [Theory]
    [InlineData("03-300 Pour footings", "1.1", "03-300")]
    [InlineData("03-300: Pour footings", null, "03-300")]
    [InlineData("Hang board", "09-250", "09-250")]
    [InlineData("03-3001 Something else", "4", null)]
    [InlineData("Pour 03-300 footings", "5", null)]
    [InlineData("01-000", null, "01-000")]
    public void CostCode_TaskNameOrWbs_MapsToTheProjectsCostCode(string name, string? wbs, string? expected)
    {
        var scope = new ProcoreScope("1", new Dictionary<string, string> { ["11"] = "01-000", ["12"] = "03-300", ["13"] = "09-250" });
        var task = new JsonObject { ["id"] = 1, ["name"] = name, ["task_name"] = name, ["wbs"] = wbs };

        Assert.Equal(expected, ProcoreScheduleRows.CostCode(new ProcoreJson("tasks", task), scope));
    }

    private static ScheduleTask Task(string id, int days, decimal crewHours, string? code) =>
        new(id, "job-1", id, "", April1, April1.AddDays(days - 1), crewHours, 0m) { CostCode = code };
}
