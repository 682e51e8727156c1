using BackOffice.Host.Composition;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Ask;
using BackOffice.Kernel.Model;
using BackOffice.Kernel.Prompts;
using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Moq;

namespace BackOffice.Tests.Ask;

/// <summary>
/// Issue 15: what `ask` decides before any model is asked, with the chat service a Moq mock (the clearest double for
/// "never called"): a question asking for a change is "propose it", and a model is never asked for it.
/// </summary>
public sealed class QuestionAnswererTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("approve the Rivera Plumbing bill")]
    [InlineData("Please pay Summit Drywall today")]
    [InlineData("write off Garcia's invoice")]
    public async Task AskAsync_QuestionAsksForAChange_ProposeItWithoutAskingTheModel(string question)
    {
        var chat = new Mock<IChatCompletionService>(MockBehavior.Strict);
        var (answerer, data) = await AnswererAsync(chat.Object, "http://127.0.0.1:9/v1");

        var answer = await answerer.AskAsync(data, question, new DateOnly(2026, 11, 15), "test", CancellationToken.None);

        Assert.Equal((QuestionDesk.ProposeIt, true, "refused"), (answer.Text, answer.Refused, answer.AnsweredBy));
        chat.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task AskAsync_NoModelConfigured_NamesTheReportsWithoutAskingTheModel()
    {
        var chat = new Mock<IChatCompletionService>(MockBehavior.Strict);
        var (answerer, data) = await AnswererAsync(chat.Object, "");

        var answer = await answerer.AskAsync(data, "who owes us the most past 60 days?", new DateOnly(2026, 11, 15), "test", CancellationToken.None);

        Assert.Equal("offline", answer.AnsweredBy);
        Assert.Null(answer.FallbackReason);
        Assert.Contains("aging", answer.Reports);
        chat.VerifyNoOtherCalls();
    }

    private async Task<(QuestionAnswerer, TenantData)> AnswererAsync(IChatCompletionService chat, string endpoint)
    {
        await new CliRunner(_temp.Root).OkAsync("tenant", "create", "acme");
        var host = BackOfficeServices.CreateBuilder(_temp.Data).Build();
        var builder = Microsoft.SemanticKernel.Kernel.CreateBuilder();
        builder.Services.AddSingleton(chat);
        var answerer = new QuestionAnswerer(builder.Build(), PromptLibrary.Default(), host.Services.GetServices<IReport>(),
            Options.Create(new ModelOptions { Endpoint = endpoint }), host.Services.GetRequiredService<AuditStore>());
        return (answerer, host.Services.GetRequiredService<TenantDataSource>().For("acme"));
    }
}
