namespace Signet.Dkim;

/// <summary>The signing algorithms of a DKIM-Signature <c>a=</c> tag that Signet recognises.</summary>
public enum DkimAlgorithm
{
    /// <summary><c>rsa-sha256</c>, RFC 6376 §3.3.</summary>
    RsaSha256,

    /// <summary><c>ed25519-sha256</c>, RFC 8463.</summary>
    Ed25519Sha256,

    /// <summary><c>rsa-sha1</c>: recognised only to say why it is refused (RFC 8301 §3.1).</summary>
    RsaSha1,
}
