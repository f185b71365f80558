namespace Signet.Interop.Tests.Matrix;

/// <summary>A place where a peer departs from the RFC, was investigated, and Signet was found right. Combinations it
/// covers are expected to fail, and the tests require that they still do: when the peer is fixed, the test says so
/// and the entry goes. Every entry is explained in docs/interop.md.</summary>
public sealed record KnownDeviation(string Peer, string Title, string Explanation, Func<InteropCase, bool> Covers)
{
    public static IReadOnlyList<KnownDeviation> All { get; } =
    [
        new("mail-dkim",
            "simple body canonicalization of a body without a final CRLF",
            "RFC 6376 §3.4.3 says of the simple body algorithm: \"If there is no body or no trailing CRLF on the " +
            "message body, a CRLF is added.\" Mail::DKIM 1.20230212 adds the CRLF only when the body is empty " +
            "(`Mail::DKIM::Canonicalization::simple::finish_body`), so it hashes `...it.` where Signet and dkimpy " +
            "hash `...it.\\r\\n`. Its bh= then differs from theirs in both directions. Only c=*/simple and only a " +
            "body whose last line has no line break (no-final-newline.eml) are affected. The harness gives the library " +
            "the message bytes as applications that embed it do; the dkimproxy-sign and dkimproxy-verify commands " +
            "Debian ships with it end every input line with CRLF first, which hides the difference, and SMTP always " +
            "delivers a final CRLF, so mail received over SMTP never meets this case.",
            c => c.Message.Name == "no-final-newline" && c.BodyCanonicalization == "simple"),
        new("opendkim",
            "ed25519-sha256 signatures with simple header canonicalization",
            "OpenDKIM 2.11.0 (Debian 2.11.0~beta2-8+deb12u1) writes ed25519-sha256 signatures with c=simple/* whose b= " +
            "does not verify: its own verifier rejects them (\"signature verification failed\"), as Signet does " +
            "(signature mismatch), while the bh= is right. Its rsa-sha256 signatures with simple headers, and its " +
            "ed25519-sha256 signatures with relaxed headers, verify everywhere. Only the direction in which OpenDKIM " +
            "signs is affected: OpenDKIM verifies Signet's ed25519-sha256 signatures with simple headers.",
            c => c.Direction == InteropDirection.PeerSigns && c.Key.Algorithm == "ed25519-sha256" && c.HeaderCanonicalization == "simple"),
        new("opendkim",
            "relaxed body canonicalization of a body without a final CRLF",
            "Given a body whose last line has no line break (no-final-newline.eml) and c=*/relaxed, the OpenDKIM 2.11.0 " +
            "milter neither signs (signing mode) nor adds an Authentication-Results field (verifying mode): it gives up " +
            "on the message and lets it through untouched. RFC 6376 §3.4.4 with errata 1384 defines the relaxed " +
            "canonical form of such a body (the missing CRLF is added), which Signet and dkimpy compute alike. Mail " +
            "received over SMTP always ends in CRLF, so the milter does not meet this case in the mail flow; a message " +
            "from a file or an API can.",
            c => c.Message.Name == "no-final-newline" && c.BodyCanonicalization == "relaxed"),
    ];

    public static KnownDeviation? For(InteropCase interopCase) => All.FirstOrDefault(d => d.Peer == interopCase.Peer && d.Covers(interopCase));
}
