using Signet.Dkim.Canonicalization;
using Signet.Dkim.Keys;
using Signet.Dkim.Messages;
using Signet.Dkim.Signatures;

namespace Signet.Dkim.Signing;

/// <summary>Signs messages with one or more keys in a single pass over the body. Keys are parsed once, by the
/// caller; the signer holds them for as many messages as it signs.</summary>
public sealed class DkimSigner
{
    private readonly IReadOnlyList<DkimSigningRequest> _requests;
    private readonly TimeProvider _time;

    private DkimSigner(IReadOnlyList<DkimSigningRequest> requests, TimeProvider time)
    {
        _requests = requests;
        _time = time;
    }

    public IReadOnlyList<DkimSigningRequest> Requests => _requests;

    /// <summary>Checks the requests (key strength, domain, selector) and returns a signer, or says what is wrong.</summary>
    public static bool TryCreate(IReadOnlyList<DkimSigningRequest> requests, TimeProvider? time, out DkimSigner signer, out string error)
    {
        ArgumentNullException.ThrowIfNull(requests);
        signer = null!;
        error = requests.Count == 0 ? "no signing key was given" : string.Empty;
        foreach (var request in requests)
        {
            error = Check(request);
            if (error.Length > 0)
            {
                return false;
            }
        }

        if (requests.Count == 0)
        {
            return false;
        }

        signer = new DkimSigner(requests, time ?? TimeProvider.System);
        return true;
    }

    /// <summary>Starts signing one message whose header is known; feed the body, then <see cref="DkimSigning.Complete"/>.</summary>
    public DkimSigning Begin(DkimMessageHeader header) => new(this, header);

    /// <summary>Signs a message held in memory; returns the DKIM-Signature fields to put at the top, in order.</summary>
    public IReadOnlyList<DkimHeaderField> Sign(DkimMessageHeader header, ReadOnlySpan<byte> body)
    {
        using var signing = Begin(header);
        signing.AppendBody(body);
        return signing.Complete();
    }

    /// <summary>Signs a prepared DKIM-Signature field (one that ends in an empty "b=") over the header: the
    /// low-level step that reproduces published vectors exactly.</summary>
    public static byte[] ComputeSignature(DkimPrivateKey key, DkimMessageHeader header, IReadOnlyList<string> signedHeaders,
        DkimCanonicalization headerCanonicalization, ReadOnlySpan<byte> unsignedField)
    {
        ArgumentNullException.ThrowIfNull(key);
        byte[] hash = DkimHeaderHash.Compute(header, signedHeaders, headerCanonicalization, unsignedField);
        return key.SignHash(hash);
    }

    internal DkimHeaderField CreateSignature(DkimSigningRequest request, DkimMessageHeader header, byte[] bodyHash)
    {
        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        var parameters = new DkimSignatureParameters
        {
            Algorithm = request.Key.Algorithm,
            Canonicalization = request.Canonicalization,
            SigningDomain = request.SigningDomain,
            Selector = request.Selector,
            AgentOrUserIdentifier = request.AgentOrUserIdentifier,
            Timestamp = now,
            Expiration = request.Expiration is { } lifetime ? now + (long)lifetime.TotalSeconds : null,
            SignedHeaders = request.HeaderPolicy.Choose(header),
            BodyHash = bodyHash,
        };
        string lineEnding = header.LineEnding;
        string unsigned = DkimSignatureWriter.WriteUnsigned(parameters, lineEnding);
        byte[] signature = ComputeSignature(request.Key, header, parameters.SignedHeaders,
            request.Canonicalization.Header, System.Text.Encoding.ASCII.GetBytes(unsigned));
        return new DkimHeaderField(System.Text.Encoding.ASCII.GetBytes(DkimSignatureWriter.AppendSignature(unsigned, signature, lineEnding)));
    }

    private static string Check(DkimSigningRequest request)
    {
        // RFC 8301 §3.2, by the one rule every key source applies (DkimKeySizes).
        if (request.Key.KeyType == DkimKeyType.Rsa && !DkimKeySizes.IsRsaSizeToSignWith(request.Key.KeySizeBits, out string size))
        {
            return $"the key for {request.Selector}._domainkey.{request.SigningDomain}: {size}";
        }

        if (!DkimNames.IsDomainName(request.SigningDomain))
        {
            return $"\"{request.SigningDomain}\" is not a domain name";
        }

        if (!DkimNames.IsSelector(request.Selector))
        {
            return $"\"{request.Selector}\" is not a selector (letters, digits and hyphens, in dot-separated labels)";
        }

        if (request.AgentOrUserIdentifier is { } identifier)
        {
            string domain = identifier[(identifier.LastIndexOf('@') + 1)..];
            if (!identifier.Contains('@', StringComparison.Ordinal)
                || !(domain.Equals(request.SigningDomain, StringComparison.OrdinalIgnoreCase)
                     || domain.EndsWith("." + request.SigningDomain, StringComparison.OrdinalIgnoreCase)))
            {
                return $"i={identifier} must be an address within d={request.SigningDomain} (RFC 6376 §3.5)";
            }
        }

        return string.Empty;
    }
}
