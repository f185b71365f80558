namespace Signet.Interop.Tests.Matrix;

/// <summary>Differences between the peers and Signet seen while building the matrix that make no combination fail:
/// written into docs/interop.md as they were observed.</summary>
public static class InteropNotes
{
    public static IReadOnlyList<string> All { get; } =
    [
        "**Ed25519.** dkimpy signs and verifies ed25519-sha256 (through PyNaCl). Mail::DKIM 1.20230212 has no " +
        "ed25519-sha256: it reports such a signature as `invalid (unsupported algorithm ed25519-sha256)` and judges the " +
        "message by its other signatures, so a message Signet signs with both an RSA and an Ed25519 key passes with it on " +
        "the RSA signature (tested), which is why RFC 8463 signers sign with both. Its matrix therefore has no Ed25519 rows.",
        "**Header fields signed by default.** Signet signs one more instance of From, To, Cc, Subject, Date, Reply-To, " +
        "Sender, Message-ID, In-Reply-To and References than the message has, so none can be added later without " +
        "breaking the signature (RFC 6376 §8.15). dkimpy over-signs From only (`h=from : to : subject : date : " +
        "message-id : ... : from`); Mail::DKIM names each field once per instance and over-signs nothing. With their " +
        "signatures, a second Subject or To added above the signed ones still verifies; this is a signing policy " +
        "choice, not a verification difference, and every verifier here accepts the other's choices.",
        "**Signature text.** dkimpy writes `i=@domain` and `q=dns/txt`, and spaces around the colons of h=; " +
        "Mail::DKIM writes the whole DKIM-Signature on one line (about 850 bytes with a 4096-bit key, under the " +
        "998-byte limit). Signet parses both; it writes neither i= nor q= (both are defaults, RFC 6376 §3.5) and folds " +
        "its field into short lines.",
        "**Bare LF input.** Signet and dkimpy accept a message with LF line endings and treat each LF as a line end " +
        "(Signet writes its signature back in LF). Mail::DKIM needs CRLF input: the harness converts LF to CRLF before " +
        "giving it a message, as the dkimproxy-sign and dkimproxy-verify commands shipped with it do, and writes the " +
        "signature back in the input's line ending. With that, all three agree on lf-only.eml.",
        "**Keys.** dkimpy reads RSA keys only as PKCS#1 PEM and Ed25519 keys only as the base64 of the 32-byte seed; " +
        "Mail::DKIM reads PKCS#1 PEM only. Signet writes PKCS#8 (the fixture converts); the published records are the " +
        "same for all.",
    ];
}
