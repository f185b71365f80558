namespace Signet.Store.Model;

/// <summary>How a publisher writes records. A domain with no publisher is published by hand (Signet shows the record
/// and waits for it). A provider's HTTP API would be one more kind, implemented as one more
/// <c>Signet.Dns.Publishing.IDkimRecordPublisher</c>.</summary>
public enum PublisherKind
{
    /// <summary>DNS UPDATE (RFC 2136) signed with TSIG hmac-sha256 (RFC 8945), sent to the zone's primary.</summary>
    Rfc2136,
}
