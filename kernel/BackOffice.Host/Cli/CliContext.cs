using System.CommandLine;
using System.Globalization;
using BackOffice.Host.Composition;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Host.Cli;

/// <summary>What one command invocation works with: the data folder, the built services, output and who is acting.</summary>
public sealed class CliContext : IAsyncDisposable
{
    private readonly IHost _host;

    private CliContext(ParseResult parse, DataDirectory data, IHost host)
    {
        Parse = parse;
        Data = data;
        _host = host;
        Json = parse.GetValue(CliOptions.Json);
        Output = new CliOutput(parse.InvocationConfiguration.Output, Json);
    }

    public ParseResult Parse { get; }

    public DataDirectory Data { get; }

    public IServiceProvider Services => _host.Services;

    public IHost Host => _host;

    public bool Json { get; }

    public CliOutput Output { get; }

    public TextWriter Error => Parse.InvocationConfiguration.Error;

    /// <summary>Progress lines for a person at a terminal; silent with --json or when stderr is not a terminal.</summary>
    public IProgress<string> Progress => Json || Console.IsErrorRedirected
        ? new Progress<string>(_ => { })
        : new SynchronousProgress(line => Error.WriteLine(line));

    public static CliContext Create(ParseResult parse)
    {
        var root = parse.GetValue(CliOptions.Data)
                   ?? Environment.GetEnvironmentVariable("BACKOFFICE_DATA")
                   ?? Path.Combine(Environment.CurrentDirectory, ".backoffice");
        var data = new DataDirectory(root);
        var host = BackOfficeServices.CreateBuilder(data, serving: parse.CommandResult.Command.Name == "serve").Build();
        // The CLI never starts the host, so it runs the start-up checks itself: bad configuration fails every command the same way.
        host.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        // The CLI never starts the host, so it builds the OpenTelemetry providers itself (none when nothing is exported).
        _ = host.Services.GetService<OpenTelemetry.Trace.TracerProvider>();
        _ = host.Services.GetService<OpenTelemetry.Metrics.MeterProvider>();
        return new CliContext(parse, data, host);
    }

    /// <summary>The data context of a tenant already resolved by <see cref="TenantAsync"/>.</summary>
    public TenantData Tenant(string tenant) => Get<TenantDataSource>().For(tenant);

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>The tenant named with --tenant, or the only tenant there is.</summary>
    public async Task<string> TenantAsync(Option<string?> option, CancellationToken cancellationToken)
    {
        var named = Parse.GetValue(option) ?? Environment.GetEnvironmentVariable("BACKOFFICE_TENANT");
        var tenants = await Get<TenantRegistry>().ListAsync(cancellationToken);
        if (named is not null)
        {
            return tenants.Any(t => t.Id == named) ? named : throw new UnknownTenantException(named);
        }

        return tenants.Count == 1
            ? tenants[0].Id
            : throw new CliException(tenants.Count == 0
                ? "There is no tenant yet: run `backoffice demo`, or `backoffice tenant create NAME` and `backoffice import`."
                : $"Name the tenant with --tenant (one of: {string.Join(", ", tenants.Select(t => t.Id))}).");
    }

    /// <summary>The person named with --as, as the gate sees them. Refuses unknown users and users of another tenant.</summary>
    public async Task<Actor> ActorAsync(string? tenant, CancellationToken cancellationToken)
    {
        var name = Parse.GetValue(CliOptions.As) ?? Environment.GetEnvironmentVariable("BACKOFFICE_USER")
                   ?? throw new CliException("This command acts as a person: say who with --as USER.");
        var user = await Get<UserDirectory>().FindAsync(name, cancellationToken)
                   ?? throw new CliException($"User '{name}' does not exist. Add them with `backoffice users add {name} --role ...`.");
        if (tenant is not null && user.Tenant is not null && user.Tenant != tenant)
        {
            throw new CliException($"User '{name}' belongs to tenant '{user.Tenant}', not '{tenant}'.");
        }

        var role = Enum.Parse<Role>(user.Role, ignoreCase: true);
        return new Actor(user.Id, role, user.Department);
    }

    /// <summary>The date named by <paramref name="option"/>, else the tenant's default: its pinned sample date or today (issue 17).</summary>
    public async Task<DateOnly> AsOfAsync(Option<string?> option, string tenant, CancellationToken cancellationToken)
    {
        var text = Parse.GetValue(option);
        if (text is null)
        {
            return await Tenant(tenant).BooksDate.DefaultAsOfAsync(cancellationToken);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliException($"--as-of '{text}' is not a date: expected yyyy-MM-dd.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool, which would interleave lines; this writes at once.</summary>
    private sealed class SynchronousProgress(Action<string> write) : IProgress<string>
    {
        public void Report(string value) => write(value);
    }
}
