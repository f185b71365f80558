using Signet.Dkim.Canonicalization;
using Signet.Dkim.Messages;

namespace Signet.Dkim.Signing;

/// <summary>One message being signed: the body goes through once, whatever the number of signatures.</summary>
public sealed class DkimSigning : IDisposable
{
    private readonly DkimSigner _signer;
    private readonly DkimMessageHeader _header;
    private readonly DkimBodyHashSet _bodyHashes;
    private bool _completed;

    internal DkimSigning(DkimSigner signer, DkimMessageHeader header)
    {
        _signer = signer;
        _header = header;
        _bodyHashes = new DkimBodyHashSet(signer.Requests.Select(r => (r.Canonicalization.Body, (long?)null)).ToList());
    }

    /// <summary>Feeds the next chunk of the body, as raw bytes in any split.</summary>
    public void AppendBody(ReadOnlySpan<byte> chunk) => _bodyHashes.Append(chunk);

    /// <summary>Ends the body and returns the DKIM-Signature fields, in the order to insert them at the top.</summary>
    public IReadOnlyList<DkimHeaderField> Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        _bodyHashes.Finish();
        return _signer.Requests
            .Select(r => _signer.CreateSignature(r, _header, _bodyHashes.GetHash(r.Canonicalization.Body, null)))
            .ToList();
    }

    public void Dispose() => _bodyHashes.Dispose();
}
