namespace Signet.Admin.Console.Security;

/// <summary>Slows password guessing: after <see cref="MaximumFailuresPerUser"/> failed sign-ins for one user name, or
/// <see cref="MaximumFailuresPerAddress"/> from one address, within <see cref="Window"/>, further attempts are refused
/// until the oldest failure leaves the window. The address limit is higher because several people may share one.</summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int MaximumFailuresPerUser = 5;
    public const int MaximumFailuresPerAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // Bounded so a flood of made-up user names cannot grow memory without end; the oldest are dropped first.
    private const int MaximumTrackedKeys = 10_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long to wait before trying again, or null when an attempt may be made now.</summary>
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

    private static string UserKey(string userName) => "user:" + userName.Trim().ToLowerInvariant();

    private static string AddressKey(string address) => "address:" + address;

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            return null;
        }

        while (queue.Count > 0 && now - queue.Peek() >= Window)
        {
            queue.Dequeue();
        }

        return queue.Count >= limit ? queue.ElementAt(queue.Count - limit) + Window - now : null;
    }

    private void Add(string key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            _failures[key] = queue = new Queue<DateTimeOffset>();
        }

        queue.Enqueue(now);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, queue) in _failures.ToList())
        {
            if (queue.Count == 0 || now - queue.Last() >= Window)
            {
                _failures.Remove(key);
            }
        }

        if (_failures.Count >= MaximumTrackedKeys)
        {
            _failures.Clear();
        }
    }
}
