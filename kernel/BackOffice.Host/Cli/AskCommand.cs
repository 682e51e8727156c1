using System.CommandLine;
using BackOffice.Kernel.Ask;

namespace BackOffice.Host.Cli;

/// <summary>
/// `backoffice ask --tenant T "question"` (issue 15): with a model configured, an answer in words whose every figure the
/// product rendered from a report, and the records it used; offline, or when the model fails or writes a figure of its
/// own, the reports that answer the question. A question asking for a change is answered "propose it". Every question
/// and tool call is audited (<see cref="QuestionAnswerer"/>).
/// </summary>
public static class AskCommand
{
    public static Command Build()
    {
        var question = new Argument<string>("QUESTION") { Description = "The question, in quotes" };
        var tenant = CliOptions.Tenant();
        var command = new Command("ask", "Ask the back office a question; it answers from its reports and never changes anything") { question, tenant };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var name = await cli.TenantAsync(tenant, ct);
            var data = cli.Tenant(name);
            var answer = await cli.Get<QuestionAnswerer>().AskAsync(data, cli.Parse.GetValue(question) ?? "", await data.BooksDate.DefaultAsOfAsync(ct), "cli", ct);
            cli.Output.Line(answer.Text);
            if (answer.Cited.Count > 0)
            {
                cli.Output.Line("Records used:");
                foreach (var c in answer.Cited)
                {
                    cli.Output.Line($"  {c.Report} {c.RowId}: {c.Label} (backoffice report {c.Report} --tenant {name})");
                }
            }

            return 0;
        }));
        return command;
    }
}
