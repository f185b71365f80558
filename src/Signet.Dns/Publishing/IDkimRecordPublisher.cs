namespace Signet.Dns.Publishing;

/// <summary>Writes a domain's DKIM key records into its DNS. This is the one extension point for publishing: RFC 2136
/// dynamic update (<see cref="Rfc2136Publisher"/>) implements it, and an HTTP DNS provider's API would implement it
/// the same way, one class per provider. Every method is idempotent, so a step retried after a crash or a lost answer
/// does no harm, and returns what happened as a value: only the caller's cancellation is thrown.</summary>
public interface IDkimRecordPublisher
{
    /// <summary>What the user recognises this publisher by in messages: "RFC 2136 update of example.com at 192.0.2.53".</summary>
    string Description { get; }

    /// <summary>Adds the TXT record <paramref name="value"/> at <paramref name="name"/> (a selector's
    /// <c>selector._domainkey.domain</c>), split into character-strings of at most 255 bytes. Succeeds when the
    /// record is there afterwards, also when it already was; fails, changing nothing, when another TXT record holds
    /// the name, because a record Signet did not write may be a key that still signs.</summary>
    Task<PublicationResult> PublishAsync(string name, string value, CancellationToken cancellationToken);

    /// <summary>Replaces every TXT record at <paramref name="name"/> with <paramref name="value"/> in one atomic change:
    /// used to publish the revoked form of a key (<c>p=</c> empty, RFC 6376 §3.6.1).</summary>
    Task<PublicationResult> ReplaceAsync(string name, string value, CancellationToken cancellationToken);

    /// <summary>Removes every TXT record at <paramref name="name"/>; succeeds when there was none.</summary>
    Task<PublicationResult> UnpublishAsync(string name, CancellationToken cancellationToken);
}
