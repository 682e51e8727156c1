using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Tests.Model;

/// <summary>
/// A loopback HTTP server (127.0.0.1, a port the kernel picks) that speaks just enough of OpenAI chat completions for the real
/// OpenAI SDK: each POST /v1/chat/completions gets the next scripted reply. No test needs the internet (issue 4).
/// </summary>
public sealed class LoopbackChatServer : IDisposable
{
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly LoopbackHttpApp _app;

    public LoopbackChatServer()
    {
        _app = new LoopbackHttpApp(AnswerAsync);
        Endpoint = $"{_app.BaseUrl}/v1";
    }

    public string Endpoint { get; }

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    /// <summary>Each request's path as it arrived (before any scripted delay): which host asked, when hosts use their own prefix.</summary>
    public ConcurrentQueue<string> Paths { get; } = new();

    public sealed record Reply(int Status, string Body, TimeSpan Delay, IReadOnlyDictionary<string, string>? Headers = null);

    public void Enqueue(Reply reply) => _script.Enqueue(reply);

    public void Text(string text, int promptTokens = 100, int completionTokens = 20) =>
        Enqueue(new Reply(200, Completion(new JsonObject { ["role"] = "assistant", ["content"] = text }, "stop", promptTokens, completionTokens), TimeSpan.Zero));

    public void ToolCall(string id, string function, JsonObject arguments) =>
        Enqueue(new Reply(200, Completion(new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["tool_calls"] = new JsonArray(new JsonObject
            {
                ["id"] = id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = function, ["arguments"] = arguments.ToJsonString() },
            }),
        }, "tool_calls", 50, 10), TimeSpan.Zero));

    public void Status(int status) =>
        Enqueue(new Reply(status, """{"error":{"message":"scripted failure","type":"rate_limit_error"}}""", TimeSpan.Zero));

    private static string Completion(JsonObject message, string finish, int promptTokens, int completionTokens) => new JsonObject
    {
        ["id"] = "chatcmpl-loopback",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "loopback-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
    }.ToJsonString();

    private async Task AnswerAsync(HttpContext context)
    {
        Paths.Enqueue(context.Request.Path.Value ?? "");
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        Requests.Enqueue(JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject());
        var reply = _script.TryDequeue(out var next) ? next : new Reply(500, """{"error":{"message":"script exhausted"}}""", TimeSpan.Zero);
        try
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }

            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (the timeout test); nothing to answer.
        }
    }

    public void Dispose() => _app.Dispose();
}
