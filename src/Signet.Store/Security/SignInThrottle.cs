namespace Signet.Store.Security;

/// <summary>Slows password guessing on every front end that checks a password (the console's sign-in and the
/// relay's SMTP AUTH share one instance, so a user slowed down on one is slowed down on the other). After
/// <see cref="MaximumFailuresPerUser"/> failures for one user name, or <see cref="MaximumFailuresPerAddress"/> from one
/// client address, each further attempt must wait a delay that doubles with every further failure, from
/// <see cref="FirstDelay"/> up to <see cref="LongestDelay"/>. Attempts made while waiting are refused without checking
/// the password and are not counted: a delay, not a lock-out an attacker could keep renewing, and never longer than
/// <see cref="LongestDelay"/> for the real user. Failures are forgotten after <see cref="Window"/> without one.</summary>
public sealed class SignInThrottle(TimeProvider time)
{
    /// <summary>Failures allowed for one user name before the delays start (NIST SP 800-63B §5.2.2 rate limiting).</summary>
    public const int MaximumFailuresPerUser = 5;

    /// <summary>Higher than the per-user limit because several people may share one address (a NAT, an office).</summary>
    public const int MaximumFailuresPerAddress = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(5);

    // Bounded so a flood of made-up user names cannot grow memory without end; stale entries are dropped first.
    private const int MaximumTrackedKeys = 10_000;

    private readonly Dictionary<string, Streak> _failures = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long to wait before the next attempt may be checked, or null when it may be checked now.</summary>
    public TimeSpan? RetryAfter(string userName, string address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var user = Wait(UserKey(userName), MaximumFailuresPerUser, now);
            var host = Wait(AddressKey(address), MaximumFailuresPerAddress, now);
            return user is null ? host : host is null ? user : user > host ? user : host;
        }
    }

    public void RecordFailure(string userName, string address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_failures.Count >= MaximumTrackedKeys)
            {
                Prune(now);
            }

            Add(UserKey(userName), now);
            Add(AddressKey(address), now);
        }
    }

    /// <summary>A successful sign-in clears the user's failures (not the address's: one right password does not
    /// excuse guesses at other accounts).</summary>
    public void RecordSuccess(string userName)
    {
        lock (_lock)
        {
            _failures.Remove(UserKey(userName));
        }
    }

    /// <summary>The delay after <paramref name="failures"/> failures against a limit of <paramref name="limit"/>.</summary>
    public static TimeSpan DelayAfter(int failures, int limit)
    {
        int beyond = failures - limit;
        if (beyond < 0)
        {
            return TimeSpan.Zero;
        }

        double seconds = FirstDelay.TotalSeconds * Math.Pow(2, Math.Min(beyond, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, LongestDelay.TotalSeconds));
    }

    private static string UserKey(string userName) => "user:" + (userName ?? string.Empty).Trim().ToLowerInvariant();

    private static string AddressKey(string address) => "address:" + address;

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var streak))
        {
            return null;
        }

        if (now - streak.Last >= Window)
        {
            _failures.Remove(key);
            return null;
        }

        var wait = streak.Last + DelayAfter(streak.Count, limit) - now;
        return wait > TimeSpan.Zero ? wait : null;
    }

    private void Add(string key, DateTimeOffset now)
    {
        _failures[key] = _failures.TryGetValue(key, out var streak) && now - streak.Last < Window
            ? new Streak(streak.Count + 1, now)
            : new Streak(1, now);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, streak) in _failures.ToList())
        {
            if (now - streak.Last >= Window)
            {
                _failures.Remove(key);
            }
        }

        if (_failures.Count >= MaximumTrackedKeys)
        {
            _failures.Clear();
        }
    }

    /// <summary>Failures in a row for one key, and when the last one was.</summary>
    private readonly record struct Streak(int Count, DateTimeOffset Last);
}
