using System.Collections.Concurrent;

namespace BackOffice.Host.Auth;

/// <summary>
/// Issue 19: failed sign-ins slow down, per user name and per client address, with delays that grow: the first
/// <see cref="FreeFailures"/> failures cost nothing, then each further failure locks that name (or address) for
/// 1 s, 2 s, 4 s ... up to 15 minutes (OWASP Authentication Cheat Sheet, "Login Throttling"). While locked, a sign-in
/// is refused before the password is checked. A success clears the name's count; the address keeps its own.
/// Per process: `serve` is one process, and a restart forgets the counts (the audit chain keeps every failure).
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LockedUntil)> _entries = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying <paramref name="user"/> from <paramref name="address"/>; zero when free.</summary>
    public TimeSpan WaitFor(string user, string address)
    {
        var now = clock.GetUtcNow();
        var wait = Keys(user, address).Select(k => _entries.TryGetValue(k, out var e) ? e.LockedUntil - now : TimeSpan.Zero).Max();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void Failed(string user, string address)
    {
        var now = clock.GetUtcNow();
        foreach (var key in Keys(user, address))
        {
            _entries.AddOrUpdate(key, _ => Next(0, now), (_, e) => Next(e.Failures, now));
        }
    }

    public void Succeeded(string user) => _entries.TryRemove(UserKey(user), out _);

    /// <summary>The lock after failure number <paramref name="failures"/> + 1: none while free, then doubling, capped.</summary>
    public static TimeSpan DelayAfter(int failures)
    {
        if (failures <= FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures - 1, 20);
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    private static (int, DateTimeOffset) Next(int failures, DateTimeOffset now) => (failures + 1, now + DelayAfter(failures + 1));

    private static string UserKey(string user) => "user:" + user.Trim().ToLowerInvariant();

    private static IEnumerable<string> Keys(string user, string address) => [UserKey(user), "addr:" + address];
}
