using System.Text.Json.Nodes;
using BackOffice.Tests.Model;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Ask;

/// <summary>Issue 15: a model that cannot answer (rate limited, unreadable, hanging, down) gives the offline answer and the reason, never a crash.</summary>
public sealed partial class AskModelTests
{
    [Fact]
    public async Task Ask_RateLimitedWithLongRetryAfter_FallsBackAtOnceWithTheReason()
    {
        using var host = await DemoHostAsync(_server.Endpoint, maxRetries: 2);
        _server.Enqueue(new LoopbackChatServer.Reply(429, """{"error":{"message":"slow down"}}""", TimeSpan.Zero, new Dictionary<string, string> { ["Retry-After"] = "120" }));

        var answer = await AskAsync(host, Question);

        Assert.Equal("offline", answer.AnsweredBy);
        Assert.Equal("model endpoint answered 429", answer.FallbackReason);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Ask_RateLimitedWithShortRetryAfter_WaitsAndAnswersWithTheModel()
    {
        using var host = await DemoHostAsync(_server.Endpoint, maxRetries: 1);
        _server.Enqueue(new LoopbackChatServer.Reply(429, """{"error":{"message":"slow down"}}""", TimeSpan.Zero, new Dictionary<string, string> { ["Retry-After"] = "1" }));
        _server.ToolCall("call_1", "Reports-aging", new JsonObject());
        _server.Text("Garcia, Maria has a total of {aging_cust_41_total}.");

        var answer = await AskAsync(host, Question);

        Assert.Equal(("model", "Garcia, Maria has a total of $3,875.00."), (answer.AnsweredBy, answer.Text));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Ask_UnreadableOkReply_FallsBackWithTheReason()
    {
        using var host = await DemoHostAsync(_server.Endpoint);
        _server.Enqueue(new LoopbackChatServer.Reply(200, "<html>gateway says hello</html>", TimeSpan.Zero));

        var answer = await AskAsync(host, Question);

        Assert.Equal("offline", answer.AnsweredBy);
        Assert.Contains("cannot be read", answer.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ModelHangs_FallsBackWhenTheAttemptTimesOut()
    {
        using var host = await DemoHostAsync(_server.Endpoint, timeoutSeconds: 1);
        _server.Enqueue(new LoopbackChatServer.Reply(200, "{}", TimeSpan.FromSeconds(5)));

        var answer = await AskAsync(host, Question);

        Assert.Equal("offline", answer.AnsweredBy);
        Assert.Equal("model call timed out", answer.FallbackReason);
    }

    [Fact]
    public async Task Ask_ServerDown_FallsBackWithTheReason()
    {
        using var host = await DemoHostAsync($"http://127.0.0.1:{EnvironmentSettings.FreePort()}/v1");

        var answer = await AskAsync(host, Question);

        Assert.Equal("offline", answer.AnsweredBy);
        Assert.StartsWith("model endpoint unreachable", answer.FallbackReason, StringComparison.Ordinal);
    }
}
