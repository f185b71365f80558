using Signet.Dkim.Keys;
using Signet.Dkim.Messages;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Testing;

namespace Signet.Bench;

/// <summary>Signet as the mail path uses it: parse the header, stream the body through the hashers, sign or
/// verify. The key is parsed once (signing) or cached after the first lookup (verifying).</summary>
public sealed class SignetScenarios(DkimPrivateKey key, byte[] message)
{
    private readonly DkimSigner _signer = CreateSigner(key);
    private readonly byte[] _signed = SignOnce(key, message);
    private readonly DkimVerifier _verifier = new(new CachedKeySource("s1._domainkey.example.com", DkimKeyRecord.Format(key.PublicKey)));

    /// <summary>The message as Signet signed it: what every verifier is given.</summary>
    public byte[] SignedMessage => _signed;

    public void Sign()
    {
        var (header, bodyStart) = Parse(message);
        using var signing = _signer.Begin(header);
        signing.AppendBody(message.AsSpan(bodyStart));
        signing.Complete();
    }

    public void Verify()
    {
        var (header, bodyStart) = Parse(_signed);
        using var verification = _verifier.Begin(header);
        verification.AppendBody(_signed.AsSpan(bodyStart));
        // The mail path awaits the ValueTask, which makes no Task when the key is cached: AsTask would add one per
        // message that the milter and the relay never make.
        var pending = verification.CompleteAsync();
        var results = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        if (results[0].Status != DkimResultStatus.Pass)
        {
            throw new InvalidOperationException("Signet did not verify its own signature: " + results[0].Reason);
        }
    }

    private static (DkimMessageHeader Header, int BodyStart) Parse(byte[] message)
    {
        int bodyStart = DkimHeaderSection.FindBodyStart(message);
        if (!DkimMessageHeader.TryParse(DkimHeaderSection.WithoutSeparator(message.AsSpan(0, bodyStart)), out var header, out string error))
        {
            throw new InvalidOperationException(error);
        }

        return (header, bodyStart);
    }

    private static DkimSigner CreateSigner(DkimPrivateKey key) =>
        DkimSigner.TryCreate([new DkimSigningRequest(key, "example.com", "s1")], null, out var signer, out string error)
            ? signer
            : throw new InvalidOperationException(error);

    private static byte[] SignOnce(DkimPrivateKey key, byte[] message)
    {
        var (header, bodyStart) = Parse(message);
        var fields = CreateSigner(key).Sign(header, message.AsSpan(bodyStart));
        return TestMessages.Prepend(fields, message);
    }
}
