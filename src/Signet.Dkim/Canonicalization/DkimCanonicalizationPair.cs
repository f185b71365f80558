namespace Signet.Dkim.Canonicalization;

/// <summary>The <c>c=</c> tag: header and body canonicalization. Signet signs with relaxed/relaxed by default
/// because it survives the whitespace and header-case changes that relays commonly make.</summary>
public readonly record struct DkimCanonicalizationPair(DkimCanonicalization Header, DkimCanonicalization Body)
{
    public static DkimCanonicalizationPair RelaxedRelaxed => new(DkimCanonicalization.Relaxed, DkimCanonicalization.Relaxed);

    /// <summary>RFC 6376 §3.5: an absent <c>c=</c> means simple/simple.</summary>
    public static DkimCanonicalizationPair SimpleSimple => new(DkimCanonicalization.Simple, DkimCanonicalization.Simple);

    public override string ToString() => $"{Name(Header)}/{Name(Body)}";

    /// <summary>Parses <c>relaxed/simple</c>, <c>simple</c> (body then defaults to simple, RFC 6376 §3.5) and so on.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out DkimCanonicalizationPair pair)
    {
        pair = SimpleSimple;
        int slash = value.IndexOf((byte)'/');
        ReadOnlySpan<byte> headerPart = slash < 0 ? value : value[..slash];
        if (!TryParseOne(headerPart, out var header))
        {
            return false;
        }

        var body = DkimCanonicalization.Simple;
        if (slash >= 0 && !TryParseOne(value[(slash + 1)..], out body))
        {
            return false;
        }

        pair = new DkimCanonicalizationPair(header, body);
        return true;
    }

    public static bool TryParse(string value, out DkimCanonicalizationPair pair) =>
        TryParse(System.Text.Encoding.ASCII.GetBytes(value.Trim().ToLowerInvariant()), out pair);

    private static bool TryParseOne(ReadOnlySpan<byte> value, out DkimCanonicalization canonicalization)
    {
        if (value.SequenceEqual("simple"u8)) { canonicalization = DkimCanonicalization.Simple; return true; }
        if (value.SequenceEqual("relaxed"u8)) { canonicalization = DkimCanonicalization.Relaxed; return true; }
        canonicalization = default;
        return false;
    }

    private static string Name(DkimCanonicalization c) => c == DkimCanonicalization.Simple ? "simple" : "relaxed";
}
