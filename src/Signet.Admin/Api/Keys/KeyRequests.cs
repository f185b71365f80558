namespace Signet.Admin.Api.Keys;

/// <summary>A key to generate on the server: <c>algorithm</c> <c>rsa</c> (the default, 2048 bits) or <c>ed25519</c>.</summary>
public sealed record GenerateKeyRequest(string? Selector, string? Algorithm, int? Bits);

/// <summary>A private key made elsewhere: <c>privateKey</c> holds PKCS#8 or PKCS#1 PEM text, or the base64 of a
/// 32-byte Ed25519 seed. It is stored encrypted and never sent back.</summary>
public sealed record ImportKeyRequest(string? Selector, string? PrivateKey);

/// <summary>The selector of the new key a rotation makes (it must differ from every selector of the domain in use).</summary>
public sealed record StartRotationRequest(string? NewSelector);
