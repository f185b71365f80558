using Signet.Store.Model;

namespace Signet.Store.Persistence;

/// <summary>A row of the domain_rotation table: a domain's settings and its rotation driver's state.</summary>
internal sealed class DomainRotationRow
{
    public const string SettingsColumns = "domain, publisher_id, interval_ticks, key_kinds, selector_scheme, overlap_ticks, revoked_lifetime_ticks, paused";

    public string Domain { get; set; } = string.Empty;

    public string? PublisherId { get; set; }

    public long? IntervalTicks { get; set; }

    public string KeyKinds { get; set; } = nameof(RotationKeyKinds.Rsa2048);

    public string SelectorScheme { get; set; } = nameof(Model.SelectorScheme.Date);

    public long OverlapTicks { get; set; }

    public long RevokedLifetimeTicks { get; set; }

    public long Paused { get; set; }

    public DomainRotationSettings ToSettings(string? publisherName) => new()
    {
        Publisher = publisherName,
        Interval = IntervalTicks is { } ticks ? TimeSpan.FromTicks(ticks) : null,
        KeyKinds = Enum.Parse<RotationKeyKinds>(KeyKinds),
        SelectorScheme = Enum.Parse<Model.SelectorScheme>(SelectorScheme),
        Overlap = TimeSpan.FromTicks(OverlapTicks),
        RevokedRecordLifetime = TimeSpan.FromTicks(RevokedLifetimeTicks),
        Paused = Paused != 0,
    };
}
