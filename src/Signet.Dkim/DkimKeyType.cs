namespace Signet.Dkim;

/// <summary>The key type of a key record's <c>k=</c> tag.</summary>
public enum DkimKeyType
{
    /// <summary><c>k=rsa</c> (the default when the tag is absent, RFC 6376 §3.6.1).</summary>
    Rsa,

    /// <summary><c>k=ed25519</c>, RFC 8463 §4.</summary>
    Ed25519,
}
