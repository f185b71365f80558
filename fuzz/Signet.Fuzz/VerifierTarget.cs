using Signet.Dkim.Messages;
using Signet.Dkim.Verification;
using Signet.Testing;

namespace Signet.Fuzz;

/// <summary>The whole verifier on a message, with the keys of the RFC 6376 and RFC 8463 examples in memory and the
/// clock at the day those examples were signed, so that mutations of a valid message reach every check.</summary>
public static class VerifierTarget
{
    private static readonly DkimVerifier Verifier = new(
        new InMemoryTxtSource()
            .Add("brisbane._domainkey.example.com", "v=DKIM1; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB")
            .Add("brisbane._domainkey.football.example.com", "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
            .Add("test._domainkey.football.example.com", "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB"),
        new DkimVerifierOptions { MaximumSignatures = 4 },
        new ManualTimeProvider(new DateTimeOffset(2018, 6, 11, 0, 0, 0, TimeSpan.Zero)));

    public static void Run(ReadOnlySpan<byte> input)
    {
        int bodyStart = DkimHeaderSection.FindBodyStart(input);
        var section = bodyStart < 0 ? input : DkimHeaderSection.WithoutSeparator(input[..bodyStart]);
        var body = bodyStart < 0 ? [] : input[bodyStart..];
        if (!DkimMessageHeader.TryParse(section, out var header, out _))
        {
            return;
        }

        using var verification = Verifier.Begin(header);
        verification.AppendBody(body);

        // The key source answers at once, so the lookups are complete and waiting costs nothing.
        var pending = verification.CompleteAsync().AsTask();
        Invariant.True(pending.IsCompleted, "an in-memory key source completes verification at once");
        var results = pending.Result;
        Invariant.True(results.Count == verification.SignatureCount, "one result per signature");
        foreach (var result in results)
        {
            Invariant.NotEmpty(result.Reason, "every result has a reason");
        }
    }
}
