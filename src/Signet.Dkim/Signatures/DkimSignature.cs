using Signet.Dkim.Canonicalization;
using Signet.Dkim.Messages;

namespace Signet.Dkim.Signatures;

/// <summary>A parsed DKIM-Signature header field (RFC 6376 §3.5), with the field it came from.</summary>
public sealed record DkimSignature
{
    public required DkimHeaderField Field { get; init; }

    public required DkimAlgorithm Algorithm { get; init; }

    /// <summary><c>b=</c>: the signature bytes.</summary>
    public required byte[] SignatureData { get; init; }

    /// <summary><c>bh=</c>: the hash of the canonicalized body.</summary>
    public required byte[] BodyHash { get; init; }

    /// <summary><c>c=</c>.</summary>
    public required DkimCanonicalizationPair Canonicalization { get; init; }

    /// <summary><c>d=</c>, lower-cased.</summary>
    public required string SigningDomain { get; init; }

    /// <summary><c>s=</c>.</summary>
    public required string Selector { get; init; }

    /// <summary><c>h=</c>: the signed header field names, in order, as written.</summary>
    public required IReadOnlyList<string> SignedHeaders { get; init; }

    /// <summary><c>i=</c>: the Agent or User Identifier; defaults to "@" + d= (RFC 6376 §3.5).</summary>
    public required string AgentOrUserIdentifier { get; init; }

    /// <summary><c>l=</c>: how many canonical body bytes were signed, when the signer limited it.</summary>
    public long? BodyLength { get; init; }

    /// <summary><c>t=</c>: the signing time, seconds since the Unix epoch.</summary>
    public long? Timestamp { get; init; }

    /// <summary><c>x=</c>: the expiry time, seconds since the Unix epoch.</summary>
    public long? Expiration { get; init; }

    /// <summary>The DNS name where the key lives: selector._domainkey.domain (RFC 6376 §3.6.2.1).</summary>
    public string KeyRecordName => $"{Selector}._domainkey.{SigningDomain}";

    /// <summary>The domain part of <c>i=</c>.</summary>
    public string IdentifierDomain
    {
        get
        {
            int at = AgentOrUserIdentifier.LastIndexOf('@');
            return AgentOrUserIdentifier[(at + 1)..].ToLowerInvariant();
        }
    }
}
