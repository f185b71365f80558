namespace Signet.Store.Model;

/// <summary>How long a console session lasts: it ends after <see cref="IdleTimeout"/> without a request, and after
/// <see cref="AbsoluteLifetime"/> whatever happens, so a stolen cookie kept busy still dies (OWASP Session Management
/// Cheat Sheet, "Absolute Timeout").</summary>
public sealed record SessionLifetime(TimeSpan IdleTimeout, TimeSpan AbsoluteLifetime)
{
    /// <summary>8 hours idle (a console left open overnight is closed), 12 hours at most (a working day).</summary>
    public static SessionLifetime Default { get; } = new(TimeSpan.FromHours(8), TimeSpan.FromHours(12));
}
