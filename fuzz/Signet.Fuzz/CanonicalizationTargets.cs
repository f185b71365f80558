using System.Buffers;
using Signet.Dkim.Canonicalization;
using Signet.Dkim.Messages;

namespace Signet.Fuzz;

/// <summary>Harnesses for the canonicalizers. A milter sees a body in arbitrary chunks, so the body hash of the
/// whole must equal the hash of the same bytes fed in pieces.</summary>
public static class CanonicalizationTargets
{
    public static void BodyHash(ReadOnlySpan<byte> input)
    {
        if (input.Length < 3)
        {
            return;
        }

        var canonicalization = (input[0] & 1) == 0 ? DkimCanonicalization.Simple : DkimCanonicalization.Relaxed;
        int chunk = 1 + input[1] % 13;
        long? lengthLimit = input[2] < 0x80 ? null : input[2] - 0x80;
        var body = input[3..];

        using var whole = new DkimBodyHasher(canonicalization, lengthLimit);
        whole.Append(body);
        byte[] expected = whole.Finish();

        using var pieces = new DkimBodyHasher(canonicalization, lengthLimit);
        for (int offset = 0; offset < body.Length; offset += chunk)
        {
            pieces.Append(body[offset..Math.Min(body.Length, offset + chunk)]);
        }

        Invariant.True(pieces.Finish().AsSpan().SequenceEqual(expected), "the body hash does not depend on how the body is chunked");
        Invariant.True(pieces.CanonicalLength == whole.CanonicalLength, "the canonical length does not depend on chunking");
    }

    public static void HeaderCanonicalization(ReadOnlySpan<byte> input)
    {
        if (!DkimMessageHeader.TryParse(input, out var header, out _))
        {
            return;
        }

        foreach (var field in header.Fields)
        {
            var simple = new ArrayBufferWriter<byte>();
            DkimHeaderCanonicalizer.Canonicalize(DkimCanonicalization.Simple, field.Raw, simple);
            Invariant.True(simple.WrittenSpan.EndsWith("\r\n"u8), "simple output ends with CRLF");

            var relaxed = new ArrayBufferWriter<byte>();
            DkimHeaderCanonicalizer.Canonicalize(DkimCanonicalization.Relaxed, field.Raw, relaxed);
            Invariant.True(relaxed.WrittenSpan.EndsWith("\r\n"u8), "relaxed output ends with CRLF");
            Invariant.True(relaxed.WrittenCount <= field.Raw.Length + 2, "relaxed output is never longer than the field and a CRLF");

            // Relaxed canonicalization is idempotent: its output is already in canonical form.
            var again = new ArrayBufferWriter<byte>();
            DkimHeaderCanonicalizer.Canonicalize(DkimCanonicalization.Relaxed, relaxed.WrittenSpan, again);
            Invariant.True(again.WrittenSpan.SequenceEqual(relaxed.WrittenSpan), "relaxed canonicalization is idempotent");
        }
    }
}
