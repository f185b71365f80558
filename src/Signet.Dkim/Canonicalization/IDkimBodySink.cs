namespace Signet.Dkim.Canonicalization;

/// <summary>Where <see cref="DkimBodyCanonicalizer"/> writes canonical body bytes. Implemented by small structs
/// so the state machine is compiled once per sink and the writes are direct calls.</summary>
internal interface IDkimBodySink
{
    void Write(ReadOnlySpan<byte> bytes);
}
