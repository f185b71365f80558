using Signet.Dkim.Canonicalization;

namespace Signet.Dkim.Signatures;

/// <summary>Everything a new DKIM-Signature states before it is signed.</summary>
public sealed record DkimSignatureParameters
{
    public required DkimAlgorithm Algorithm { get; init; }

    public required DkimCanonicalizationPair Canonicalization { get; init; }

    public required string SigningDomain { get; init; }

    public required string Selector { get; init; }

    /// <summary><c>i=</c>, written only when set.</summary>
    public string? AgentOrUserIdentifier { get; init; }

    /// <summary><c>t=</c>, always written (seconds since the Unix epoch).</summary>
    public required long Timestamp { get; init; }

    /// <summary><c>x=</c>, written only when set.</summary>
    public long? Expiration { get; init; }

    public required IReadOnlyList<string> SignedHeaders { get; init; }

    public required byte[] BodyHash { get; init; }
}
