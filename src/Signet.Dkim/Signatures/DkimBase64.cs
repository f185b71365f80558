using System.Buffers;
using System.Buffers.Text;

namespace Signet.Dkim.Signatures;

/// <summary>Base64 values in tags may carry folding whitespace anywhere (RFC 6376 §2.10); this strips it and decodes.</summary>
internal static class DkimBase64
{
    // Values up to this long (an RSA-4096 b= is 684 characters) are stripped and decoded on the stack.
    private const int StackBytes = 1024;

    private static readonly SearchValues<byte> FoldingWhitespace = SearchValues.Create(" \t\r\n"u8);

    public static bool TryDecode(ReadOnlySpan<byte> value, out byte[] decoded)
    {
        byte[]? rented = value.Length > StackBytes ? ArrayPool<byte>.Shared.Rent(value.Length) : null;
        try
        {
            Span<byte> text = rented ?? stackalloc byte[StackBytes];
            text = text[..Strip(value, text)];
            // Stripped first, then decoded in one piece straight into the result: the decoder's own whitespace
            // handling falls back to a slow path at the first fold, which a folded b= always has.
            decoded = new byte[DecodedLength(text)];
            if (Base64.DecodeFromUtf8(text, decoded, out _, out int written) != OperationStatus.Done || written != decoded.Length)
            {
                decoded = [];
                return false;
            }

            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // The length valid base64 of this text decodes to; for any other text the decoder reports the error itself.
    private static int DecodedLength(ReadOnlySpan<byte> text)
    {
        int padding = text.EndsWith("=="u8) ? 2 : text.EndsWith("="u8) ? 1 : 0;
        return text.Length % 4 == 0 ? text.Length / 4 * 3 - padding : 0;
    }

    // Copies the runs between whitespace bytes, found by a vectorized search, rather than testing byte by byte.
    private static int Strip(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        int length = 0;
        while (true)
        {
            int whitespace = value.IndexOfAny(FoldingWhitespace);
            var run = whitespace < 0 ? value : value[..whitespace];
            run.CopyTo(destination[length..]);
            length += run.Length;
            if (whitespace < 0)
            {
                return length;
            }

            value = value[(whitespace + 1)..];
        }
    }
}
