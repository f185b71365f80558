using Signet.Dkim.Lookup;
using Signet.Dkim.Messages;

namespace Signet.Dkim.Verification;

/// <summary>Verifies every DKIM-Signature of a message (RFC 6376 §6), each to its own result. Thread-safe: one
/// verifier serves many messages at once.</summary>
public sealed class DkimVerifier
{
    public DkimVerifier(ITxtRecordSource keySource, DkimVerifierOptions? options = null, TimeProvider? time = null)
    {
        KeySource = keySource ?? throw new ArgumentNullException(nameof(keySource));
        Options = options ?? DkimVerifierOptions.Default;
        Time = time ?? TimeProvider.System;
        KeyCache = new DkimParsedKeyCache(Options.ParsedKeyCacheSize);
    }

    public ITxtRecordSource KeySource { get; }

    public DkimVerifierOptions Options { get; }

    public TimeProvider Time { get; }

    internal DkimParsedKeyCache KeyCache { get; }

    /// <summary>Starts verifying a message whose header is known: signatures are parsed and their keys looked up
    /// at once, while the caller feeds the body.</summary>
    public DkimVerification Begin(DkimMessageHeader header, CancellationToken cancellationToken = default) =>
        new(this, header, cancellationToken);

    /// <summary>Verifies a message held in memory.</summary>
    public async ValueTask<IReadOnlyList<DkimSignatureResult>> VerifyAsync(DkimMessageHeader header, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        using var verification = Begin(header, cancellationToken);
        verification.AppendBody(body.Span);
        return await verification.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
