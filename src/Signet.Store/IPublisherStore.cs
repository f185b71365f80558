using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Store;

/// <summary>The part of <see cref="ISignetStore"/> for
/// DNS publishers (RFC 2136) and the hands-off rotation of the domains that use one.
/// Every call that acts for someone takes the <see cref="Actor"/>; role scope is enforced behind it, and every
/// change is audited.</summary>
public interface IPublisherStore
{
    /// <summary>The DNS publishers: all for server admins; for a domain admin, those whose zone holds one of their domains.</summary>
    Task<StoreResult<IReadOnlyList<PublisherEntry>>> ListPublishersAsync(Actor actor, CancellationToken cancellationToken);

    /// <summary>Adds an RFC 2136 publisher (server admins only); its TSIG secret is sealed under the master key.</summary>
    Task<StoreResult<PublisherEntry>> AddPublisherAsync(Actor actor, PublisherRequest request, CancellationToken cancellationToken);

    /// <summary>Removes a publisher no domain uses any more (server admins only).</summary>
    Task<StoreResult<bool>> RemovePublisherAsync(Actor actor, string name, CancellationToken cancellationToken);

    /// <summary>A domain's publisher and hands-off rotation settings (the defaults when never set: by hand, off).</summary>
    Task<StoreResult<DomainRotationSettings>> GetRotationSettingsAsync(Actor actor, string domain, CancellationToken cancellationToken);

    /// <summary>Chooses a domain's publisher and rotation settings; domain admins may, for their domains.</summary>
    Task<StoreResult<DomainRotationSettings>> SetRotationSettingsAsync(Actor actor, string domain, DomainRotationSettings settings, CancellationToken cancellationToken);

    /// <summary>Where a domain's hands-off rotation stands: its settings, the current step, the next rotation, the last failure.</summary>
    Task<StoreResult<AutomaticRotationStatus>> GetRotationStatusAsync(Actor actor, string domain, CancellationToken cancellationToken);

    /// <summary>Rotates at the next round whatever the interval says, and clears the back-off.</summary>
    Task<StoreResult<AutomaticRotationStatus>> RequestRotationNowAsync(Actor actor, string domain, CancellationToken cancellationToken);

    /// <summary>Pauses (the current key keeps signing) or resumes a domain's hands-off rotation.</summary>
    Task<StoreResult<AutomaticRotationStatus>> PauseRotationAsync(Actor actor, string domain, bool paused, CancellationToken cancellationToken);
}
