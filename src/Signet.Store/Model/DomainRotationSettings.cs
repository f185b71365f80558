namespace Signet.Store.Model;

/// <summary>How a domain's keys are published and rotated without anyone touching them. The defaults are those of a
/// domain published by hand: no publisher, no automatic rotation.</summary>
public sealed record DomainRotationSettings
{
    /// <summary>The longest interval accepted: ten years is "never" in practice, and keeps the arithmetic far from overflow.</summary>
    public static readonly TimeSpan MaximumInterval = TimeSpan.FromDays(3650);

    /// <summary>The publisher's name; null publishes by hand.</summary>
    public string? Publisher { get; init; }

    /// <summary>How often a new key replaces the current one; null is off. M3AAWG recommends at least every six months.</summary>
    public TimeSpan? Interval { get; init; }

    public RotationKeyKinds KeyKinds { get; init; } = RotationKeyKinds.Rsa2048;

    public SelectorScheme SelectorScheme { get; init; } = SelectorScheme.Date;

    /// <summary>How long the old key's record stays published after the new key starts signing. Seven days, because
    /// receivers may verify mail days after it was sent (a queue, a forward, a report): the record must still be there.</summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long the revoked record (<c>p=</c> empty, RFC 6376 §3.6.1) stays before removal: receivers that
    /// still hold the old record in a cache see it revoked rather than missing. Seven days.</summary>
    public TimeSpan RevokedRecordLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Paused: the driver takes no step until resumed; the current key keeps signing.</summary>
    public bool Paused { get; init; }

    public bool TryValidate(out string error)
    {
        error = this switch
        {
            { Interval: { } i } when i <= TimeSpan.Zero => "the rotation interval must be more than zero (or off)",
            { Interval: { } i } when i > MaximumInterval => $"the rotation interval must be at most {MaximumInterval.TotalDays:0} days",
            { Interval: not null, Publisher: null } =>
                "automatic rotation needs a publisher: choose one, or rotate by hand (Signet cannot wait for records nobody publishes)",
            { Overlap: var o } when o < TimeSpan.Zero || o > MaximumInterval => "the overlap must be 0 or more (and at most ten years)",
            { Interval: { } i, Overlap: var o } when o >= i =>
                "the overlap must be shorter than the rotation interval, or the next rotation would start while the old record must stay",
            { RevokedRecordLifetime: var r } when r < TimeSpan.Zero || r > MaximumInterval => "the revoked-record lifetime must be 0 or more (and at most ten years)",
            _ => string.Empty,
        };
        return error.Length == 0;
    }
}
