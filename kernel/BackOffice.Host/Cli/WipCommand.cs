using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Wip;
using BackOffice.Domain.Financial;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Financial;
using BackOffice.Store.Proposals;

namespace BackOffice.Host.Cli;

/// <summary>
/// `backoffice wip close --tenant T --period yyyy-MM --as USER` (issue 16): stores every open job's WIP figures as of the
/// month's last day, so later months show their own revenue, cost and gross profit. Closing writes no ledger or project
/// record, so it is not a proposal; it is audited (`wip.period-closed`, with the company totals) in the same unit as the
/// stored figures, and only a lead of the Financial agent's department or an admin may do it. A period closes once.
/// </summary>
public static class WipCommand
{
    public static Command Build()
    {
        var tenant = CliOptions.Tenant();
        var period = new Option<string>("--period") { Description = "The month to close, yyyy-MM", Required = true };
        var close = new Command("close", "Close a month's WIP: store each job's figures to date (finance lead or admin; audited)") { tenant, period };
        close.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var name = await cli.TenantAsync(tenant, ct);
            var actor = await cli.ActorAsync(name, ct);
            var department = cli.Get<GateOptions>().AgentDepartments.TryGetValue("financial", out var d) ? d : "finance";
            if (actor.Role != Role.Admin && !(actor.Role == Role.Lead && actor.Department == department))
            {
                throw new CliException($"Closing a WIP period needs a lead of {department} or an admin; {actor.Name} is {actor.Role.ToString().ToLowerInvariant()}"
                                       + (actor.Department is null ? "." : $" of {actor.Department}."), 1);
            }

            var data = cli.Tenant(name);
            var month = cli.Parse.GetValue(period)!;
            var (_, end) = WipPeriods.Parse(month);
            var toClose = await cli.Get<WipPeriods>().FiguresToCloseAsync(data, month, DateOnly.FromDateTime(data.Clock.GetUtcNow().UtcDateTime), ct);
            var figures = toClose.Figures;
            var closed = new WipPeriodClose(month, end, actor.Name, StoreTime.ToText(data.Clock.GetUtcNow()), toClose.Income);
            try
            {
                await using var unit = await data.WriteAsync(ct);
                await data.WipPeriods.CloseAsync(unit, closed, figures, ct);
                await cli.Get<AuditStore>().AppendAsync(unit, actor.Name, "wip.period-closed", $"wip-period:{month}", Audit(closed, figures), ct);
                await unit.CommitAsync(ct);
            }
            catch (WipPeriodAlreadyClosedException ex)
            {
                throw new CliException(ex.Message, 1);
            }

            await cli.Get<AuditAnchors>().AdvanceAsync(name, ct);
            cli.Output.Line($"Closed WIP period {month} of {name} as of {end:yyyy-MM-dd}: {figures.Count} jobs stored.");
            return 0;
        }));
        return new Command("wip", "WIP by period (issue 16)") { close };
    }

    private static JsonObject Audit(WipPeriodClose closed, IReadOnlyList<WipPeriodFigures> figures) => new()
    {
        ["period"] = closed.Period,
        ["asOf"] = closed.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["jobs"] = figures.Count,
        ["earnedRevenue"] = BackOffice.Domain.Money.MoneyText.Plain(figures.Sum(f => f.EarnedRevenue)),
        ["costToDate"] = BackOffice.Domain.Money.MoneyText.Plain(figures.Sum(f => f.CostToDate)),
        ["grossProfitToDate"] = BackOffice.Domain.Money.MoneyText.Plain(figures.Sum(f => f.GrossProfitToDate)),
        // Issue 16: the income the close stores with its figures.
        ["sga"] = closed.Income is { } income ? BackOffice.Domain.Money.MoneyText.Plain(income.SellingGeneralAndAdministrative) : null,
        ["netIncome"] = closed.Income is { } net ? BackOffice.Domain.Money.MoneyText.Plain(net.NetIncome) : null,
    };
}
