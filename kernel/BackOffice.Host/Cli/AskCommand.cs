using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Ask;
using BackOffice.Kernel.Model;
using BackOffice.Kernel.Narration;
using BackOffice.Store.Audit;
using Microsoft.Extensions.Options;

namespace BackOffice.Host.Cli;

/// <summary>
/// `backoffice ask --tenant T "question"` (issue 15): names the reports that answer the question, answers a question
/// that asks for a change with "propose it", and audits every question ("question.asked", the text redacted).
/// </summary>
public static class AskCommand
{
    public static Command Build()
    {
        var question = new Argument<string>("QUESTION") { Description = "The question, in quotes" };
        var tenant = CliOptions.Tenant();
        var command = new Command("ask", "Ask the back office a question; it names the reports that answer it and never changes anything") { question, tenant };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var name = await cli.TenantAsync(tenant, ct);
            var text = cli.Parse.GetValue(question) ?? "";
            var answer = QuestionDesk.Offline(text, cli.Get<IEnumerable<IReport>>(), name, cli.Get<IOptions<ModelOptions>>().Value.Enabled);
            await cli.Get<AuditStore>().AppendAloneAsync(cli.Tenant(name), "cli", "question.asked", "question", new JsonObject
            {
                ["question"] = Redactor.Redact(text),
                ["reports"] = new JsonArray(answer.Reports.Select(r => (JsonNode)r).ToArray()),
                ["refused"] = answer.Refused,
            }, ct);
            cli.Output.Line(answer.Text);
            return 0;
        }));
        return command;
    }
}
