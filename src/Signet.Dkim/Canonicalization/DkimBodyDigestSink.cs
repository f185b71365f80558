namespace Signet.Dkim.Canonicalization;

/// <summary>Writes canonical body bytes into a <see cref="DkimBodyDigest"/>.</summary>
internal readonly struct DkimBodyDigestSink(DkimBodyDigest digest) : IDkimBodySink
{
    public void Write(ReadOnlySpan<byte> bytes) => digest.Write(bytes);
}
