using System.Net;
using System.Text;

namespace BackOffice.Host.Cli;

/// <summary>The query of the one OAuth redirect a loopback listener received.</summary>
public sealed record RedirectQuery(string? Code, string? State, string? RealmId, string? Error);

/// <summary>
/// Receives the OAuth redirect on a loopback port, as command-line tools sign in (RFC 8252 section 7.3): listens on
/// <c>http://HOST:PORT/callback</c>, answers the browser with a short page and hands back the query (issue 13; shared
/// by QuickBooks and Procore since issue 14).
/// </summary>
public sealed class LoopbackRedirect : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _system;

    public LoopbackRedirect(string host, int port, string system = "QuickBooks")
    {
        _system = system;
        RedirectUri = $"http://{host}:{port}/callback";
        _listener.Prefixes.Add($"http://{host}:{port}/");
        _listener.Start();
    }

    public string RedirectUri { get; }

    /// <summary>Waits for a request to /callback; other paths (a browser's favicon) get 404 and are ignored.</summary>
    public async Task<RedirectQuery> WaitAsync(CancellationToken cancellationToken)
    {
        await using var stop = cancellationToken.Register(_listener.Stop);
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("No redirect arrived in time.", ex, cancellationToken);
            }

            if (context.Request.Url?.AbsolutePath != "/callback")
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                continue;
            }

            var q = context.Request.QueryString;
            var query = new RedirectQuery(q["code"], q["state"], q["realmId"], q["error"]);
            var page = Encoding.UTF8.GetBytes(query.Error is null
                ? $"{_system} answered. You can close this window and return to the terminal."
                : $"{_system} refused: {query.Error}. Return to the terminal.");
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(page, cancellationToken);
            context.Response.Close();
            return query;
        }
    }

    public void Dispose() => ((IDisposable)_listener).Dispose();
}
