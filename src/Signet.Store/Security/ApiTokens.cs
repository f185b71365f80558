using System.Security.Cryptography;
using System.Text;

namespace Signet.Store.Security;

/// <summary>API tokens: <c>sgt_</c> and 32 random bytes in base64url, shown once; the store keeps only the SHA-256.
/// A plain hash suffices (no slow hash) because the secret has 256 bits of entropy, unlike a password.</summary>
internal static class ApiTokens
{
    public const string Prefix = "sgt_";
    private const int SecretLength = 32;

    public static string Create() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(SecretLength));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The first characters shown to recognise a token by: the prefix and 8 of the 43 secret characters,
    /// which leaves 210 bits unknown.</summary>
    public static string PrefixOf(string token) => token[..Math.Min(token.Length, Prefix.Length + 8)];

    public static bool LooksLikeToken(string token) => token.StartsWith(Prefix, StringComparison.Ordinal) && token.Length > Prefix.Length;

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
