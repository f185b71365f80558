using System.Buffers;
using System.Security.Cryptography;
using Signet.Dkim.Canonicalization;
using Signet.Dkim.Messages;

namespace Signet.Dkim.Signatures;

/// <summary>The hash that a DKIM signature covers (RFC 6376 §3.7): the signed header fields, chosen and
/// canonicalized as h= and c= say, then the DKIM-Signature field itself with an empty b= and no final CRLF.</summary>
public static class DkimHeaderHash
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public static byte[] Compute(
        DkimMessageHeader header,
        IReadOnlyList<string> signedHeaders,
        DkimCanonicalization canonicalization,
        ReadOnlySpan<byte> signatureField)
    {
        byte[] hash = new byte[SHA256.HashSizeInBytes];
        Compute(header, signedHeaders, canonicalization, signatureField, hash);
        return hash;
    }

    /// <summary>Writes the 32-byte hash into <paramref name="destination"/>: the verifier's path, with no array for it.</summary>
    internal static void Compute(
        DkimMessageHeader header,
        IReadOnlyList<string> signedHeaders,
        DkimCanonicalization canonicalization,
        ReadOnlySpan<byte> signatureField,
        Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(signedHeaders);

        // One buffer per thread, reused: the canonical header data of a message is a few KB at most.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        CanonicalizeSelected(header, signedHeaders, canonicalization, buffer);

        int before = buffer.WrittenCount;
        CanonicalizeWithEmptySignature(canonicalization, signatureField, buffer);

        // RFC 6376 §3.7: the DKIM-Signature field is hashed without its trailing CRLF.
        int length = buffer.WrittenCount;
        if (length - before >= 2 && buffer.WrittenSpan[(length - 2)..].SequenceEqual("\r\n"u8))
        {
            length -= 2;
        }

        DkimSha256.HashData(buffer.WrittenSpan[..length], destination);
        if (buffer.Capacity > 1024 * 1024)
        {
            t_buffer = null; // a huge header passed through: don't keep its buffer for the thread's lifetime
        }
    }

    // The fields SelectFields picks, canonicalized in h= order. For ordinary mail the scan writes each field as it is
    // found, with no list of them in between.
    private static void CanonicalizeSelected(DkimMessageHeader header, IReadOnlyList<string> signedHeaders, DkimCanonicalization canonicalization, ArrayBufferWriter<byte> buffer)
    {
        var fields = header.FieldSpan;
        if (signedHeaders.Count * fields.Length > SmallProduct)
        {
            foreach (var field in SelectFields(header, signedHeaders))
            {
                DkimHeaderCanonicalizer.Canonicalize(canonicalization, field.Raw, buffer);
            }

            return;
        }

        Span<bool> taken = fields.Length <= 256 ? stackalloc bool[fields.Length] : new bool[fields.Length];
        foreach (string name in signedHeaders)
        {
            int index = BottomMostUntaken(fields, name, taken);
            if (index >= 0)
            {
                taken[index] = true;
                DkimHeaderCanonicalizer.Canonicalize(canonicalization, fields[index].Raw, buffer);
            }
        }
    }

    // The DKIM-Signature field with its b= value deleted, canonicalized from a pooled copy rather than a new array.
    private static void CanonicalizeWithEmptySignature(DkimCanonicalization canonicalization, ReadOnlySpan<byte> field, ArrayBufferWriter<byte> buffer)
    {
        if (!TryFindSignatureValue(field, out int valueStart, out int valueEnd))
        {
            DkimHeaderCanonicalizer.Canonicalize(canonicalization, field, buffer);
            return;
        }

        int length = field.Length - (valueEnd - valueStart);
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            field[..valueStart].CopyTo(rented);
            field[valueEnd..].CopyTo(rented.AsSpan(valueStart));
            DkimHeaderCanonicalizer.Canonicalize(canonicalization, rented.AsSpan(0, length), buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>RFC 6376 §5.4.2: each name in h= takes the last not-yet-used instance of that field, counting from
    /// the bottom of the header; a name with no instance left contributes nothing.</summary>
    public static IEnumerable<DkimHeaderField> SelectFields(DkimMessageHeader header, IReadOnlyList<string> signedHeaders)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        if (signedHeaders.Count * header.Fields.Count <= SmallProduct)
        {
            return SelectFieldsByScanning(header.FieldSpan, signedHeaders);
        }

        // One pass over the names and one over the fields: linear even for hostile messages with thousands of
        // fields and h= names.
        var instances = new Dictionary<string, Stack<DkimHeaderField>>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in signedHeaders)
        {
            instances.TryAdd(name, new Stack<DkimHeaderField>());
        }

        foreach (var field in header.Fields)
        {
            if (instances.TryGetValue(field.Name, out var stack))
            {
                stack.Push(field);
            }
        }

        var selected = new List<DkimHeaderField>(signedHeaders.Count);
        foreach (string name in signedHeaders)
        {
            if (instances[name].TryPop(out var field))
            {
                selected.Add(field);
            }
        }

        return selected;
    }

    // Up to this many name-field comparisons, scanning the fields for each name costs less than building the
    // per-name stacks; the messages of ordinary mail (tens of fields, tens of names) are all below it.
    private const int SmallProduct = 4096;

    // The same selection as the stacks make: for each name, the bottom-most instance not taken yet.
    private static List<DkimHeaderField> SelectFieldsByScanning(ReadOnlySpan<DkimHeaderField> fields, IReadOnlyList<string> signedHeaders)
    {
        Span<bool> taken = fields.Length <= 256 ? stackalloc bool[fields.Length] : new bool[fields.Length];
        var selected = new List<DkimHeaderField>(signedHeaders.Count);
        foreach (string name in signedHeaders)
        {
            int index = BottomMostUntaken(fields, name, taken);
            if (index >= 0)
            {
                taken[index] = true;
                selected.Add(fields[index]);
            }
        }

        return selected;
    }

    private static int BottomMostUntaken(ReadOnlySpan<DkimHeaderField> fields, string name, ReadOnlySpan<bool> taken)
    {
        for (int i = fields.Length - 1; i >= 0; i--)
        {
            if (!taken[i] && MayBeNamed(fields[i].Name, name) && fields[i].IsNamed(name))
            {
                return i;
            }
        }

        return -1;
    }

    // A name of another length, or whose first letters differ other than in ASCII case, cannot be equal ignoring
    // case: most of the ~25 names of an oversigned h= against each field are passed over on this test alone. Any
    // character beyond ASCII leaves the decision to the full comparison, whose case rules it follows.
    private static bool MayBeNamed(string fieldName, string name)
    {
        if (fieldName.Length != name.Length)
        {
            return false;
        }

        if (name.Length == 0)
        {
            return true;
        }

        char a = fieldName[0];
        char b = name[0];
        return (a | b) >= 0x80 || ((a ^ b) & ~0x20) == 0;
    }

    /// <summary>The field with the value of its b= tag deleted, including the whitespace around it
    /// (RFC 6376 §3.7): everything from after "b=" up to the next ';' or the end of the field.</summary>
    public static byte[] WithEmptySignature(ReadOnlySpan<byte> field) =>
        TryFindSignatureValue(field, out int valueStart, out int valueEnd)
            ? [.. field[..valueStart], .. field[valueEnd..]]
            : field.ToArray();

    // Where the value of the b= tag stands in the field: from after "b=" up to the next ';' or, for the last tag,
    // up to the field's own line ending, which stays.
    private static bool TryFindSignatureValue(ReadOnlySpan<byte> field, out int valueStart, out int valueEnd)
    {
        int colon = field.IndexOf((byte)':');
        int specStart = colon + 1;
        while (specStart < field.Length)
        {
            int semicolon = field[specStart..].IndexOf((byte)';');
            int specEnd = semicolon < 0 ? field.Length : specStart + semicolon;
            valueStart = SignatureValueStart(field, specStart, specEnd);
            if (valueStart >= 0)
            {
                valueEnd = specEnd;
                if (semicolon < 0)
                {
                    while (valueEnd > valueStart && field[valueEnd - 1] is (byte)'\r' or (byte)'\n') valueEnd--;
                }

                return true;
            }

            specStart = specEnd + 1;
        }

        valueStart = valueEnd = -1;
        return false;
    }

    // Returns the index after "b=" when the tag-spec in [start, end) is the b= tag, else -1.
    private static int SignatureValueStart(ReadOnlySpan<byte> field, int start, int end)
    {
        int i = start;
        while (i < end && IsFoldingWhitespace(field[i])) i++;
        if (i >= end || field[i] != (byte)'b') return -1;
        i++;
        while (i < end && IsFoldingWhitespace(field[i])) i++;
        return i < end && field[i] == (byte)'=' ? i + 1 : -1;
    }

    private static bool IsFoldingWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
