using System.Text;
using Signet.Dkim.Canonicalization;
using Signet.Dkim.Messages;
using Signet.Dkim.Verification;

namespace Signet.Dkim.Signatures;

/// <summary>Parses and checks a DKIM-Signature header field (RFC 6376 §3.5 and §6.1.1). Every problem becomes a
/// <see cref="DkimFailure"/> naming the tag and what is wrong with it.</summary>
public static class DkimSignatureParser
{
    public const string FieldName = "DKIM-Signature";

    public static bool TryParse(DkimHeaderField field, out DkimSignature signature, out DkimSignatureIdentity identity, out DkimFailure failure)
    {
        ArgumentNullException.ThrowIfNull(field);
        signature = null!;
        identity = DkimSignatureIdentity.Unknown;
        // The tag list reads the field's own bytes (a header field is never changed once parsed): no copy.
        if (!DkimTagList.TryParseInPlace(field.ValueMemory, out var tags, out string syntaxError))
        {
            failure = new DkimFailure(DkimFailureReason.TagSyntax, "the DKIM-Signature is not a valid tag list: " + syntaxError);
            return false;
        }

        identity = ReadIdentity(tags);
        failure = CheckRequiredTags(tags) ?? CheckVersion(tags)!;
        if (failure is not null)
        {
            return false;
        }

        var builder = new Builder(field, tags, identity);
        failure = builder.ReadAlgorithm() ?? builder.ReadHashes() ?? builder.ReadCanonicalization() ?? builder.ReadDomainAndSelector()
            ?? builder.ReadSignedHeaders() ?? builder.ReadIdentifier() ?? builder.ReadNumbers() ?? builder.ReadQueryMethods()!;
        if (failure is not null)
        {
            return false;
        }

        signature = builder.Build();
        failure = null!;
        return true;
    }

    private static DkimSignatureIdentity ReadIdentity(DkimTagList tags)
    {
        string? Read(ReadOnlySpan<byte> name) => tags.TryGet(name, out var v) ? Text(v) : null;
        // A known algorithm is named by its shared constant rather than a new string per message.
        string? algorithm = tags.TryGet("a"u8, out var a) && DkimAlgorithmNames.TryParse(a, out var known) ? known.ToTagValue() : Read("a"u8);
        return new DkimSignatureIdentity(Read("d"u8)?.ToLowerInvariant(), Read("s"u8), algorithm, SignaturePrefix(tags));
    }

    // RFC 6008: header.b carries the first characters of b=, enough to tell signatures of one message apart.
    private static string? SignaturePrefix(DkimTagList tags)
    {
        if (!tags.TryGet("b"u8, out var b))
        {
            return null;
        }

        Span<char> prefix = stackalloc char[8];
        int length = 0;
        foreach (byte c in b)
        {
            if (length == prefix.Length)
            {
                break;
            }

            if (c is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                prefix[length++] = (char)c;
            }
        }

        return new string(prefix[..length]);
    }

    // RFC 6376 §6.1.1: v, a, b, bh, d, h and s are required.
    private static DkimFailure? CheckRequiredTags(DkimTagList tags)
    {
        string? missing = !tags.Contains("v"u8) ? "v"
            : !tags.Contains("a"u8) ? "a"
            : !tags.Contains("b"u8) ? "b"
            : !tags.Contains("bh"u8) ? "bh"
            : !tags.Contains("d"u8) ? "d"
            : !tags.Contains("h"u8) ? "h"
            : !tags.Contains("s"u8) ? "s"
            : null;
        return missing is null
            ? null
            : new DkimFailure(DkimFailureReason.MissingRequiredTag, $"the DKIM-Signature has no {missing}= tag, which is required");
    }

    private static DkimFailure? CheckVersion(DkimTagList tags)
    {
        tags.TryGet("v"u8, out var version);
        return version.SequenceEqual("1"u8)
            ? null
            : new DkimFailure(DkimFailureReason.UnsupportedVersion, $"v={Text(version)} is not a DKIM version this verifier knows (only v=1)");
    }

    internal static string Text(ReadOnlySpan<byte> value) => Encoding.UTF8.GetString(value);

    // A hostile value can be kilobytes long: a reason quotes its start, enough to recognise it.
    private static string Shown(ReadOnlySpan<byte> value) =>
        value.Length <= 64 ? Text(value) : Text(value[..64]) + $"… ({value.Length} bytes)";

    // What char.IsWhiteSpace finds in a selector decoded from UTF-8 (the search values make no allocation per call).
    private static readonly System.Buffers.SearchValues<char> SelectorWhitespace = System.Buffers.SearchValues.Create(
        " \t\r\n\v\f\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    // A struct on the parse's stack: one object less per signature.
    private struct Builder(DkimHeaderField field, DkimTagList tags, DkimSignatureIdentity identity)
    {
        private DkimAlgorithm _algorithm;
        private byte[] _signatureData = [];
        private byte[] _bodyHash = [];
        private DkimCanonicalizationPair _canonicalization = DkimCanonicalizationPair.SimpleSimple;
        private string _domain = string.Empty;
        private string _selector = string.Empty;
        private string[] _signedHeaders = [];
        private string _identifier = string.Empty;
        private long? _bodyLength;
        private long? _timestamp;
        private long? _expiration;

        public DkimFailure? ReadAlgorithm()
        {
            tags.TryGet("a"u8, out var value);
            return DkimAlgorithmNames.TryParse(value, out _algorithm)
                ? null
                : new DkimFailure(DkimFailureReason.UnsupportedAlgorithm, $"a={Text(value)} is not a signing algorithm this verifier supports (rsa-sha256, ed25519-sha256)");
        }

        public DkimFailure? ReadHashes()
        {
            tags.TryGet("b"u8, out var b);
            if (!DkimBase64.TryDecode(b, out _signatureData) || _signatureData.Length == 0)
            {
                return new DkimFailure(DkimFailureReason.TagSyntax, "b= is not valid base64 (the signature may have been cut short)");
            }

            tags.TryGet("bh"u8, out var bh);
            return DkimBase64.TryDecode(bh, out _bodyHash) && _bodyHash.Length > 0
                ? null
                : new DkimFailure(DkimFailureReason.TagSyntax, "bh= is not valid base64");
        }

        public DkimFailure? ReadCanonicalization()
        {
            if (!tags.TryGet("c"u8, out var value))
            {
                return null;
            }

            return DkimCanonicalizationPair.TryParse(value, out _canonicalization)
                ? null
                : new DkimFailure(DkimFailureReason.TagSyntax, $"c={Text(value)} is not a canonicalization (simple or relaxed, header/body)");
        }

        public DkimFailure? ReadDomainAndSelector()
        {
            tags.TryGet("d"u8, out var d);
            // The identity read the same d= lower-cased: without a trailing dot to trim, its string is this one.
            _domain = !d.EndsWith((byte)'.') && identity.SigningDomain is { } lowered ? lowered : Text(d).TrimEnd('.').ToLowerInvariant();
            if (_domain.Length == 0 || _domain.Contains(' ', StringComparison.Ordinal))
            {
                return new DkimFailure(DkimFailureReason.TagSyntax, $"d={Text(d)} is not a domain name");
            }

            tags.TryGet("s"u8, out var s);
            _selector = identity.Selector ?? Text(s);
            return _selector.Length == 0 || _selector.AsSpan().ContainsAny(SelectorWhitespace)
                ? new DkimFailure(DkimFailureReason.TagSyntax, $"s={_selector} is not a selector")
                : null;
        }

        public DkimFailure? ReadSignedHeaders()
        {
            tags.TryGet("h"u8, out var h);
            // Split on ':' as bytes: ':' is ASCII, so no UTF-8 sequence is cut, and each name becomes one string.
            var names = new string[h.Count((byte)':') + 1];
            bool fromSigned = false;
            for (int n = 0; n < names.Length; n++)
            {
                int colon = h.IndexOf((byte)':');
                var name = DkimWhitespace.TrimFolding(colon < 0 ? h : h[..colon]);
                h = colon < 0 ? [] : h[(colon + 1)..];
                if (name.IsEmpty)
                {
                    return new DkimFailure(DkimFailureReason.TagSyntax, $"h= has an empty header field name");
                }

                fromSigned |= Ascii.EqualsIgnoreCase(name, "from"u8);
                names[n] = DkimCommonHeaderNames.TryGet(name, out string common) ? common : Text(name);
            }

            _signedHeaders = names;

            // RFC 6376 §5.4: the From header field MUST be signed.
            return fromSigned
                ? null
                : new DkimFailure(DkimFailureReason.FromNotSigned, "the From header field is not among the signed headers (h=), so the signature says nothing about the author");
        }

        public DkimFailure? ReadIdentifier()
        {
            if (!tags.TryGet("i"u8, out var i))
            {
                _identifier = "@" + _domain; // RFC 6376 §3.5 default for i=
                return null;
            }

            // RFC 6376 §3.5: i= is dkim-quoted-printable (§2.11); "@" and the domain are judged once decoded.
            if (!DkimQuotedPrintable.TryDecode(i, out _identifier, out string encodingError))
            {
                return new DkimFailure(DkimFailureReason.TagSyntax, $"i={Shown(i)} is not valid dkim-quoted-printable: {encodingError}");
            }

            int at = _identifier.LastIndexOf('@');
            if (at < 0)
            {
                return new DkimFailure(DkimFailureReason.TagSyntax, $"i={_identifier} has no '@'");
            }

            string identifierDomain = _identifier[(at + 1)..].TrimEnd('.').ToLowerInvariant();

            // RFC 6376 §3.5: the domain of i= MUST be the same as, or a subdomain of, d=.
            return identifierDomain == _domain || identifierDomain.EndsWith("." + _domain, StringComparison.Ordinal)
                ? null
                : new DkimFailure(DkimFailureReason.IdentityOutsideDomain, $"i={_identifier} is not within d={_domain}");
        }

        public DkimFailure? ReadNumbers()
        {
            var failure = ReadNumber("l"u8, ref _bodyLength) ?? ReadNumber("t"u8, ref _timestamp) ?? ReadNumber("x"u8, ref _expiration);
            if (failure is not null)
            {
                return failure;
            }

            // RFC 6376 §3.5: x= MUST be greater than t= when both are present.
            return _timestamp is { } t && _expiration is { } x && x < t
                ? new DkimFailure(DkimFailureReason.ExpiryBeforeTimestamp, $"the signature expires (x={x}) before it was made (t={t})")
                : null;
        }

        public DkimFailure? ReadQueryMethods()
        {
            if (!tags.TryGet("q"u8, out var q))
            {
                return null;
            }

            // RFC 6376 §3.5: q= is a colon-separated list; dns/txt is the only method defined.
            bool hasDnsTxt = Text(q).Split(':').Any(m => m.Trim().Equals("dns/txt", StringComparison.OrdinalIgnoreCase));
            return hasDnsTxt ? null : new DkimFailure(DkimFailureReason.TagSyntax, $"q={Text(q)} names no query method this verifier supports (dns/txt)");
        }

        private DkimFailure? ReadNumber(ReadOnlySpan<byte> name, ref long? target)
        {
            if (!tags.TryGet(name, out var value))
            {
                return null;
            }

            // RFC 6376 §3.5: at most 76 (l=) or 12 (t=, x=) digits; anything longer cannot be a real value.
            if (value.IsEmpty || value.Length > 18 || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                return new DkimFailure(DkimFailureReason.TagSyntax, $"{Text(name)}={Text(value)} is not a number");
            }

            target = long.Parse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
            return null;
        }

        public DkimSignature Build() => new()
        {
            Field = field,
            Algorithm = _algorithm,
            SignatureData = _signatureData,
            BodyHash = _bodyHash,
            Canonicalization = _canonicalization,
            SigningDomain = _domain,
            Selector = _selector,
            SignedHeaders = _signedHeaders,
            AgentOrUserIdentifier = _identifier,
            BodyLength = _bodyLength,
            Timestamp = _timestamp,
            Expiration = _expiration,
        };
    }
}
