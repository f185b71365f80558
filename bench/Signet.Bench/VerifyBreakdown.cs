using System.Globalization;
using System.Security.Cryptography;
using Signet.Dkim.Keys;
using Signet.Dkim.Messages;
using Signet.Dkim.Signatures;
using Signet.Dkim.Verification;
using Signet.Testing;

namespace Signet.Bench;

/// <summary>The <c>--breakdown</c> mode: where one verification at 2 KB spends its time beyond the signature operation.
/// Each step is timed as the difference between two prefixes of the whole (parse; parse and begin; … ; the whole
/// verification), all measured in turns with the raw operations, so the steps add up to the total. The parts of
/// <c>CompleteAsync</c> that can be called alone (the body's SHA-256, the header hash, the verify through the parsed
/// key) are measured in the same turns, and what is left of the step is shown beside them.</summary>
public static class VerifyBreakdown
{
    public static string Run(DkimPrivateKey key, Measurement measurement)
    {
        var scenario = new SignetScenarios(key, BenchMessages.Create(2 * 1024));
        byte[] signed = scenario.SignedMessage;
        int bodyStart = DkimHeaderSection.FindBodyStart(signed);
        string record = DkimKeyRecord.Format(key.PublicKey);
        var verifier = new DkimVerifier(new CachedKeySource("s1._domainkey.example.com", record));
        using var rsa = key.PublicKey is RsaDkimPublicKey ? RSA.Create(2048) : null;
        byte[] hash = SHA256.HashData("DKIM"u8);
        byte[]? rsaSignature = rsa?.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        var header = ParseHeader(signed, bodyStart);
        var signature = FirstSignature(header);
        var publicKey = ParsePublicKey(record);
        byte[] headerHash = DkimHeaderHash.Compute(header, signature.SignedHeaders, signature.Canonicalization.Header, signature.Field.Raw);

        void Parse() => ParseHeader(signed, bodyStart);
        void Begin() => verifier.Begin(ParseHeader(signed, bodyStart)).Dispose();
        void Body()
        {
            using var verification = verifier.Begin(ParseHeader(signed, bodyStart));
            verification.AppendBody(signed.AsSpan(bodyStart));
        }

        void Raw()
        {
            if (rsa is not null)
            {
                rsa.VerifyHash(hash, rsaSignature!, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }
        }

        void Sha() => SHA256.HashData(signed);
        void BodySha() => SHA256.HashData(signed.AsSpan(bodyStart));
        void HeaderHash() => DkimHeaderHash.Compute(header, signature.SignedHeaders, signature.Canonicalization.Header, signature.Field.Raw);
        void KeyVerify() => publicKey.VerifyHash(headerHash, signature.SignatureData);

        var r = measurement.MeasureSideBySide(Parse, Begin, Body, scenario.Verify, Raw, Sha, BodySha, HeaderHash, KeyVerify);
        double Micro(int i) => 1e6 / r[i].PerSecond;
        double total = Micro(3);
        double complete = total - Micro(2);
        var rows = new (string Step, double Microseconds, double Bytes)[]
        {
            ("header parse (DkimMessageHeader.TryParse)", Micro(0), r[0].AllocatedBytes),
            ("Begin: DKIM-Signature parse, checks, key lookup started", Micro(1) - Micro(0), r[1].AllocatedBytes - r[0].AllocatedBytes),
            ("AppendBody: body canonicalization (a body under 32 KB is staged, hashed at the end)", Micro(2) - Micro(1), r[2].AllocatedBytes - r[1].AllocatedBytes),
            ("CompleteAsync: body SHA-256, key from cache, header hash, RSA/Ed25519 verify, result", complete, r[3].AllocatedBytes - r[2].AllocatedBytes),
        };
        var parts = new (string Part, double Microseconds, double Bytes)[]
        {
            ("SHA-256 of the body (DkimBodyDigest.Finish)", Micro(6), r[6].AllocatedBytes),
            ("header hash: selection, canonicalization, SHA-256 (DkimHeaderHash.Compute)", Micro(7), r[7].AllocatedBytes),
            ("signature verify with the parsed key (DkimPublicKey.VerifyHash)", Micro(8), r[8].AllocatedBytes),
            ("the rest: lookups, key from cache, body hash check, results", complete - Micro(6) - Micro(7) - Micro(8), double.NaN),
        };
        var text = new System.Text.StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"verify {(rsa is null ? "ed25519-sha256" : "rsa-sha256")} 2 KB: {total:0.0} µs a message ({r[3].PerSecond:N0}/s); raw signature verify {(rsa is null ? double.NaN : Micro(4)):0.0} µs, SHA-256 of the message {Micro(5):0.0} µs")
            .AppendLine()
            .AppendLine("| step | µs | bytes allocated |")
            .AppendLine("|---|---:|---:|");
        foreach (var (step, microseconds, bytes) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {microseconds:0.0} | {bytes:N0} |");
        }

        text.AppendLine()
            .AppendLine("| within CompleteAsync, measured alone | µs | bytes allocated |")
            .AppendLine("|---|---:|---:|");
        foreach (var (part, microseconds, bytes) in parts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {part} | {microseconds:0.0} | {(double.IsNaN(bytes) ? "" : bytes.ToString("N0", CultureInfo.InvariantCulture))} |");
        }

        return text.ToString();
    }

    private static DkimMessageHeader ParseHeader(byte[] message, int bodyStart) =>
        DkimMessageHeader.TryParse(DkimHeaderSection.WithoutSeparator(message.AsSpan(0, bodyStart)), out var header, out string error)
            ? header
            : throw new InvalidOperationException(error);

    private static DkimSignature FirstSignature(DkimMessageHeader header)
    {
        foreach (var field in header.Fields)
        {
            if (field.IsNamed(DkimSignatureParser.FieldName))
            {
                return DkimSignatureParser.TryParse(field, out var signature, out _, out var failure)
                    ? signature
                    : throw new InvalidOperationException(failure.Message);
            }
        }

        throw new InvalidOperationException("The signed message has no DKIM-Signature.");
    }

    private static DkimPublicKey ParsePublicKey(string record) =>
        DkimKeyRecord.TryParse(System.Text.Encoding.ASCII.GetBytes(record), out var parsed, out var failure) && parsed.TryGetPublicKey(out var key, out failure)
            ? key
            : throw new InvalidOperationException(failure.Message);
}
