using Signet.Dkim.Signatures;

namespace Signet.Dkim.Verification;

/// <summary>The verdict on one DKIM-Signature: a status, and when it did not pass, the precise reason.</summary>
public sealed record DkimSignatureResult
{
    public required DkimResultStatus Status { get; init; }

    /// <summary>Why the signature did not pass (or, for pass with an l= note, what to know); null on a clean pass.</summary>
    public DkimFailure? Failure { get; init; }

    /// <summary>d=, s=, a= and the start of b=, as far as they could be read.</summary>
    public required DkimSignatureIdentity Identity { get; init; }

    /// <summary>The parsed signature, when it parsed.</summary>
    public DkimSignature? Signature { get; init; }

    /// <summary>The size of the public key that was used, when one was found.</summary>
    public int? KeySizeBits { get; init; }

    /// <summary>The key record says t=y: the domain is testing DKIM (RFC 6376 §3.6.1).</summary>
    public bool KeyIsTesting { get; init; }

    public string Reason => Failure?.Message ?? "the signature verified";

    internal static DkimSignatureResult Failed(DkimFailure failure, DkimSignatureIdentity identity, DkimSignature? signature) =>
        new() { Status = failure.Status, Failure = failure, Identity = identity, Signature = signature };
}
