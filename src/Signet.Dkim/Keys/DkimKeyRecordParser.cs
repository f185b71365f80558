using System.Text;
using Signet.Dkim.Verification;

namespace Signet.Dkim.Keys;

/// <summary>Reads the tags of a key record (RFC 6376 §3.6.1, RFC 8463 §4) into a <see cref="DkimKeyRecord"/>.</summary>
internal static class DkimKeyRecordParser
{
    public static bool TryParse(ReadOnlySpan<byte> text, out DkimKeyRecord record, out DkimFailure failure)
    {
        record = null!;
        if (!DkimTagList.TryParse(text, out var tags, out string tagError))
        {
            return Fail($"the key record is not a valid tag list: {tagError}", out failure);
        }

        if (!TryReadVersion(tags, out string? version, out failure)
            || !TryReadKeyType(tags, out var keyType, out failure)
            || !TryReadList(tags, "h"u8, out var hashes, out failure)
            || !TryReadPublicKeyData(tags, out byte[] publicKeyData, out failure)
            || !TryReadList(tags, "s"u8, out var services, out failure)
            || !TryReadList(tags, "t"u8, out var flags, out failure))
        {
            return false;
        }

        record = new DkimKeyRecord
        {
            Version = version,
            KeyType = keyType,
            AcceptableHashAlgorithms = hashes,
            PublicKeyData = publicKeyData,
            ServiceTypes = services ?? ["*"],
            IsTesting = flags?.Contains("y") ?? false,
            IsStrict = flags?.Contains("s") ?? false,
            Notes = tags.TryGet("n"u8, out var notes) ? Encoding.UTF8.GetString(notes) : null,
        };
        return true;
    }

    /// <summary>Decodes a base64 value that may carry folding whitespace anywhere (RFC 6376 §3.6.1 <c>p=</c>).</summary>
    public static bool TryDecodeBase64(ReadOnlySpan<byte> value, out byte[] data, out string error)
    {
        data = [];
        var chars = new char[value.Length];
        int length = 0;
        foreach (byte b in value)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit((char)b) && b is not ((byte)'+' or (byte)'/' or (byte)'='))
            {
                error = $"p= has '{Printable(b)}', which is not a base64 character";
                return false;
            }

            chars[length++] = (char)b;
        }

        if (length % 4 != 0)
        {
            error = "p= is not complete base64 (its length is not a multiple of 4): the record may be truncated";
            return false;
        }

        var decoded = new byte[length / 4 * 3];
        if (!Convert.TryFromBase64Chars(chars.AsSpan(0, length), decoded, out int written))
        {
            error = "p= is not valid base64 ('=' padding in the wrong place)";
            return false;
        }

        data = decoded.AsSpan(0, written).ToArray();
        error = string.Empty;
        return true;
    }

    // RFC 6376 §3.6.1: v= is optional, but when present it MUST be the first tag and its value "DKIM1".
    private static bool TryReadVersion(DkimTagList tags, out string? version, out DkimFailure failure)
    {
        version = null;
        failure = null!;
        if (!tags.TryGet("v"u8, out var value))
        {
            return true;
        }

        if (!tags.NameAt(0).SequenceEqual("v"u8))
        {
            return Fail("v= must be the first tag of a key record", out failure);
        }

        if (!value.SequenceEqual("DKIM1"u8))
        {
            return Fail($"v={Printable(value)} is not a version this verifier knows: a key record must say v=DKIM1", out failure);
        }

        version = "DKIM1";
        return true;
    }

    private static bool TryReadKeyType(DkimTagList tags, out DkimKeyType keyType, out DkimFailure failure)
    {
        keyType = DkimKeyType.Rsa;
        failure = null!;
        // RFC 6376 §3.6.1: k= defaults to rsa.
        if (!tags.TryGet("k"u8, out var value) || DkimKeyTypeNames.TryParse(value, out keyType))
        {
            return true;
        }

        // RFC 6376 §3.6.1: unrecognised key types MUST be treated as a failure to find a usable key.
        return Fail($"k={Printable(value)} is not a key type DKIM knows ({DkimKeyTypeNames.Choices})", out failure);
    }

    private static bool TryReadPublicKeyData(DkimTagList tags, out byte[] data, out DkimFailure failure)
    {
        data = [];
        failure = null!;
        if (!tags.TryGet("p"u8, out var value))
        {
            // RFC 6376 §3.6.1: p= is REQUIRED.
            return Fail("the key record has no p= tag (the public key)", out failure);
        }

        return TryDecodeBase64(value, out data, out string error) || Fail(error, out failure);
    }

    // h=, s= and t= are colon-separated lists with folding whitespace allowed around each element
    // (RFC 6376 §3.6.1); unknown elements are kept, and ignored by whoever reads the list.
    private static bool TryReadList(DkimTagList tags, ReadOnlySpan<byte> name, out IReadOnlyList<string>? list, out DkimFailure failure)
    {
        list = null;
        failure = null!;
        if (!tags.TryGet(name, out var value))
        {
            return true;
        }

        string tag = Encoding.ASCII.GetString(name);
        var items = new List<string>();
        foreach (string item in Encoding.UTF8.GetString(value).Split(':'))
        {
            string trimmed = item.Trim(' ', '\t', '\r', '\n');
            if (trimmed.Length == 0)
            {
                return Fail($"{tag}= has an empty element in its colon-separated list", out failure);
            }

            if (!IsListElement(trimmed, allowStar: tag == "s"))
            {
                return Fail($"{tag}= has \"{trimmed}\", which is not a valid list element", out failure);
            }

            items.Add(trimmed);
        }

        list = items;
        return true;
    }

    // RFC 6376 §3.6.1: elements are hyphenated-words (ALPHA [*(ALPHA / DIGIT / "-") (ALPHA / DIGIT)]); s= also allows "*".
    private static bool IsListElement(string element, bool allowStar)
    {
        if (allowStar && element == "*")
        {
            return true;
        }

        return char.IsAsciiLetter(element[0])
            && element[^1] != '-'
            && element.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }

    private static bool Fail(string message, out DkimFailure failure)
    {
        failure = new DkimFailure(DkimFailureReason.KeySyntax, message);
        return false;
    }

    private static string Printable(byte b) => b is >= 0x21 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}";

    private static string Printable(ReadOnlySpan<byte> value)
    {
        var text = new StringBuilder();
        foreach (byte b in value[..Math.Min(value.Length, 40)])
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return text.ToString();
    }
}
