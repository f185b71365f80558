namespace Signet.Dkim;

/// <summary>The one mapping between <see cref="DkimKeyType"/> and its name: the value of a key record's <c>k=</c>
/// tag (RFC 6376 §3.6.1, RFC 8463 §4), which the record writer, the record parser, the store, the command line, the
/// API and the console all use.</summary>
public static class DkimKeyTypeNames
{
    public const string Rsa = "rsa";
    public const string Ed25519 = "ed25519";

    /// <summary>The names people may type for a key type: the <c>k=</c> value, or the <c>a=</c> algorithm that uses it.</summary>
    public static string Choices => $"{Rsa} or {Ed25519}";

    public static string ToTagValue(this DkimKeyType keyType) => keyType switch
    {
        DkimKeyType.Rsa => Rsa,
        DkimKeyType.Ed25519 => Ed25519,
        _ => throw new ArgumentOutOfRangeException(nameof(keyType)),
    };

    /// <summary>Reads a <c>k=</c> tag value exactly as written: RFC 6376 §3.2 makes tag values case-sensitive unless
    /// said otherwise, and peers write lower case.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out DkimKeyType keyType)
    {
        if (value.SequenceEqual("rsa"u8)) { keyType = DkimKeyType.Rsa; return true; }
        if (value.SequenceEqual("ed25519"u8)) { keyType = DkimKeyType.Ed25519; return true; }
        keyType = default;
        return false;
    }

    /// <summary>Reads a key type a person chose (an option, a form, an API field): the <c>k=</c> value or the
    /// algorithm that signs with it (<c>rsa-sha256</c>, <c>ed25519-sha256</c>), in any case.</summary>
    public static bool TryParseChoice(string? name, out DkimKeyType keyType)
    {
        switch (name?.ToLowerInvariant())
        {
            case Rsa or DkimAlgorithmNames.RsaSha256:
                keyType = DkimKeyType.Rsa;
                return true;
            case Ed25519 or DkimAlgorithmNames.Ed25519Sha256:
                keyType = DkimKeyType.Ed25519;
                return true;
            default:
                keyType = default;
                return false;
        }
    }
}
