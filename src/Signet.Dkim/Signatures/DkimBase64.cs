using System.Buffers;
using System.Buffers.Text;

namespace Signet.Dkim.Signatures;

/// <summary>Base64 values in tags may carry folding whitespace anywhere (RFC 6376 §2.10); this strips it and decodes.</summary>
internal static class DkimBase64
{
    public static bool TryDecode(ReadOnlySpan<byte> value, out byte[] decoded)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Max(value.Length, 4));
        try
        {
            int length = 0;
            foreach (byte b in value)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    rented[length++] = b;
                }
            }

            decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(length)];
            var status = Base64.DecodeFromUtf8(rented.AsSpan(0, length), decoded, out _, out int written);
            if (status != OperationStatus.Done)
            {
                decoded = [];
                return false;
            }

            if (written != decoded.Length)
            {
                decoded = decoded[..written];
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
