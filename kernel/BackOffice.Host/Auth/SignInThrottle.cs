using BackOffice.Store.Control;

namespace BackOffice.Host.Auth;

/// <summary>
/// Issue 19: failed sign-ins slow down, per user name and per client address, with delays that grow: the first
/// <see cref="FreeFailures"/> failures cost nothing, then each further failure locks that name (or address) for
/// 1 s, 2 s, 4 s ... up to 15 minutes (OWASP Authentication Cheat Sheet, "Login Throttling"). While locked, a sign-in
/// is refused before the password is checked. A success clears the name's count; the address keeps its own.
/// The counts live in the control database (<see cref="SignInThrottleStore"/>), so a restart or a second host sees
/// them; the address is the one <see cref="ClientAddresses"/> trusts (a known proxy's X-Forwarded-For, else the peer).
/// </summary>
public sealed class SignInThrottle(SignInThrottleStore store, TimeProvider clock)
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>How long the caller must wait before trying <paramref name="user"/> from <paramref name="address"/>; zero when free.</summary>
    public async Task<TimeSpan> WaitForAsync(string user, string address, CancellationToken cancellationToken)
    {
        var until = await store.LockedUntilAsync(Keys(user, address), cancellationToken);
        var wait = until is { } u ? u - clock.GetUtcNow() : TimeSpan.Zero;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public Task FailedAsync(string user, string address, CancellationToken cancellationToken) =>
        store.RecordFailureAsync(Keys(user, address), clock.GetUtcNow(), DelayAfter, cancellationToken);

    public Task SucceededAsync(string user, CancellationToken cancellationToken) => store.ClearAsync(UserKey(user), cancellationToken);

    /// <summary>The lock after failure number <paramref name="failures"/>: none while free, then doubling, capped.</summary>
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

    private static string UserKey(string user) => "user:" + user.Trim().ToLowerInvariant();

    private static string[] Keys(string user, string address) => [UserKey(user), "addr:" + address];
}
