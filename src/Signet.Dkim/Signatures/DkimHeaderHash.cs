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
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(signedHeaders);

        // One buffer per thread, reused: the canonical header data of a message is a few KB at most.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        foreach (var field in SelectFields(header, signedHeaders))
        {
            DkimHeaderCanonicalizer.Canonicalize(canonicalization, field.Raw, buffer);
        }

        int before = buffer.WrittenCount;
        DkimHeaderCanonicalizer.Canonicalize(canonicalization, WithEmptySignature(signatureField), buffer);

        // RFC 6376 §3.7: the DKIM-Signature field is hashed without its trailing CRLF.
        int length = buffer.WrittenCount;
        if (length - before >= 2 && buffer.WrittenSpan[(length - 2)..].SequenceEqual("\r\n"u8))
        {
            length -= 2;
        }

        byte[] hash = SHA256.HashData(buffer.WrittenSpan[..length]);
        if (buffer.Capacity > 1024 * 1024)
        {
            t_buffer = null; // a huge header passed through: don't keep its buffer for the thread's lifetime
        }

        return hash;
    }

    /// <summary>RFC 6376 §5.4.2: each name in h= takes the last not-yet-used instance of that field, counting from
    /// the bottom of the header; a name with no instance left contributes nothing.</summary>
    public static IEnumerable<DkimHeaderField> SelectFields(DkimMessageHeader header, IReadOnlyList<string> signedHeaders)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        if (signedHeaders.Count * header.Fields.Count <= SmallProduct)
        {
            return SelectFieldsByScanning(header.Fields, signedHeaders);
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
    private static List<DkimHeaderField> SelectFieldsByScanning(IReadOnlyList<DkimHeaderField> fields, IReadOnlyList<string> signedHeaders)
    {
        Span<bool> taken = fields.Count <= 256 ? stackalloc bool[fields.Count] : new bool[fields.Count];
        var selected = new List<DkimHeaderField>(signedHeaders.Count);
        foreach (string name in signedHeaders)
        {
            for (int i = fields.Count - 1; i >= 0; i--)
            {
                if (!taken[i] && fields[i].IsNamed(name))
                {
                    taken[i] = true;
                    selected.Add(fields[i]);
                    break;
                }
            }
        }

        return selected;
    }

    /// <summary>The field with the value of its b= tag deleted, including the whitespace around it
    /// (RFC 6376 §3.7): everything from after "b=" up to the next ';' or the end of the field.</summary>
    public static byte[] WithEmptySignature(ReadOnlySpan<byte> field)
    {
        int colon = field.IndexOf((byte)':');
        int specStart = colon + 1;
        while (specStart < field.Length)
        {
            int semicolon = field[specStart..].IndexOf((byte)';');
            int specEnd = semicolon < 0 ? field.Length : specStart + semicolon;
            int valueStart = SignatureValueStart(field, specStart, specEnd);
            if (valueStart >= 0)
            {
                int valueEnd = specEnd;
                if (semicolon < 0)
                {
                    // The last tag: keep the field's own line ending.
                    while (valueEnd > valueStart && field[valueEnd - 1] is (byte)'\r' or (byte)'\n') valueEnd--;
                }

                return [.. field[..valueStart], .. field[valueEnd..]];
            }

            specStart = specEnd + 1;
        }

        return field.ToArray();
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
