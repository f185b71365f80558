using Signet.Dkim;
using Signet.Dkim.Keys;

namespace Signet.Store.Model;

/// <summary>A key to generate on the server: RSA 2048 unless said otherwise, selector s1 suggested.</summary>
public sealed record KeyGenerationRequest(string Selector, DkimKeyType KeyType = DkimKeyType.Rsa, int RsaBits = DkimKeySizes.RecommendedRsaBits);
