using System.Globalization;
using System.Security.Cryptography;
using Signet.Dkim.Keys;
using Signet.Dkim.Messages;
using Signet.Dkim.Verification;
using Signet.Testing;

namespace Signet.Bench;

/// <summary>The <c>--breakdown</c> mode: where one verification at 2 KB spends its time beyond the signature operation.
/// Each step is timed as the difference between two prefixes of the whole (parse; parse and begin; … ; the whole
/// verification), all measured in turns with the raw operations, so the steps add up to the total.</summary>
public static class VerifyBreakdown
{
    public static string Run(DkimPrivateKey key, Measurement measurement)
    {
        var scenario = new SignetScenarios(key, BenchMessages.Create(2 * 1024));
        byte[] signed = scenario.SignedMessage;
        int bodyStart = DkimHeaderSection.FindBodyStart(signed);
        var verifier = new DkimVerifier(new InMemoryTxtSource().Add("s1._domainkey.example.com", DkimKeyRecord.Format(key.PublicKey)));
        using var rsa = key.PublicKey is RsaDkimPublicKey ? RSA.Create(2048) : null;
        byte[] hash = SHA256.HashData("DKIM"u8);
        byte[]? rsaSignature = rsa?.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

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

        var r = measurement.MeasureSideBySide(Parse, Begin, Body, scenario.Verify, Raw, Sha);
        double Micro(int i) => 1e6 / r[i].PerSecond;
        double total = Micro(3);
        var rows = new (string Step, double Microseconds, double Bytes)[]
        {
            ("header parse (DkimMessageHeader.TryParse)", Micro(0), r[0].AllocatedBytes),
            ("Begin: DKIM-Signature parse, checks, key lookup started", Micro(1) - Micro(0), r[1].AllocatedBytes - r[0].AllocatedBytes),
            ("AppendBody: body canonicalization and SHA-256", Micro(2) - Micro(1), r[2].AllocatedBytes - r[1].AllocatedBytes),
            ("CompleteAsync: key from cache, header hash, RSA/Ed25519 verify, result", total - Micro(2), r[3].AllocatedBytes - r[2].AllocatedBytes),
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

        return text.ToString();
    }

    private static DkimMessageHeader ParseHeader(byte[] message, int bodyStart) =>
        DkimMessageHeader.TryParse(DkimHeaderSection.WithoutSeparator(message.AsSpan(0, bodyStart)), out var header, out string error)
            ? header
            : throw new InvalidOperationException(error);
}
