using System.Diagnostics;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 19 figures for the note, run only with BACKOFFICE_BENCH=1: sign-in time of a known user with a wrong password
/// against an unknown user (production PBKDF2 iterations), and how long a writer waits before "busy" with the default
/// retry policy while another connection holds the write lock. Prints medians; asserts nothing about time.
/// </summary>
public sealed class SecurityBenchmark(ITestOutputHelper output) : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SignInAndBusy_PrintTimings()
    {
        if (Environment.GetEnvironmentVariable("BACKOFFICE_BENCH") != "1")
        {
            output.WriteLine("skipped: set BACKOFFICE_BENCH=1");
            return;
        }

        var ct = CancellationToken.None;
        var audit = new AuditStore(TimeProvider.System);
        var users = new UserDirectory(_temp.Source(), TimeProvider.System, audit);
        var credentials = new CredentialStore(_temp.Source(), users, audit, TimeProvider.System, new AuthOptions());
        await users.AddAsync("dana", "lead", "finance", null, "bench", ct);
        await credentials.SetPasswordAsync("dana", "the-right-password", "bench", ct);
        await credentials.LoginAsync("nobody", "warm-up", "bench", ct);
        var known = await MedianMsAsync(() => credentials.LoginAsync("dana", "wrong-password", "bench", ct));
        var unknown = await MedianMsAsync(() => credentials.LoginAsync("nobody-here", "wrong-password", "bench", ct));
        output.WriteLine($"sign-in, median of 15 (PBKDF2 {PasswordHasher.DefaultIterations} iterations): known user, wrong password {known:F0} ms; unknown user {unknown:F0} ms");

        await using (await _temp.Tenant("acme").ReadAsync(ct))
        {
        }

        await using var holder = new SqliteConnection($"Data Source={_temp.Data.TenantDatabasePath("acme")};Pooling=False");
        holder.Open();
        using var held = holder.BeginTransaction();
        var watch = Stopwatch.StartNew();
        var busy = await Assert.ThrowsAsync<TenantBusyException>(() => _temp.Tenant("acme").WriteAsync(ct));
        output.WriteLine($"busy answer with the default policy ({busy.Attempts} attempts): {watch.ElapsedMilliseconds} ms");
    }

    private static async Task<double> MedianMsAsync(Func<Task> action)
    {
        var times = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
