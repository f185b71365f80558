namespace Signet.Admin.Api.Rotation;

/// <summary>A new RFC 2136 publisher: the primary as <c>address[:port]</c>, the TSIG secret as base64 (hmac-sha256).</summary>
public sealed record AddPublisherRequest(string? Name, string? Primary, string? Zone, string? KeyName, string? Secret);

/// <summary>A domain's publisher and rotation settings, replaced whole: an absent field takes its default (no
/// publisher, rotation off, <c>rsa2048</c>, <c>date</c>, 7 days of overlap, 7 days for the revoked record).
/// Durations are "d.hh:mm:ss" (<c>"90.00:00:00"</c>).</summary>
public sealed record RotationSettingsRequest(
    string? Publisher,
    TimeSpan? Interval,
    string? KeyKinds,
    string? SelectorScheme,
    TimeSpan? Overlap,
    TimeSpan? RevokedRecordLifetime,
    bool? Paused);
