using System.Security.Cryptography;
using System.Text;

namespace Signet.Store.Security;

/// <summary>Seals private keys with AES-256-GCM under the master key. The associated data binds the key's id,
/// domain and selector, so a sealed key copied into another row does not open.</summary>
internal sealed class KeySealer
{
    private const int NonceLength = 12;
    private const int TagLength = 16;

    // A fixed text sealed at first run: opening it at start tells a wrong master key apart from damaged rows.
    private const string CheckText = "signet master key check";

    private readonly byte[] _key;

    public KeySealer(byte[] key) => _key = key;

    public byte[] Seal(ReadOnlySpan<byte> plaintext, string associatedData)
    {
        var sealedData = new byte[NonceLength + TagLength + plaintext.Length];
        var nonce = sealedData.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagLength);
        aes.Encrypt(nonce, plaintext, sealedData.AsSpan(NonceLength + TagLength), sealedData.AsSpan(NonceLength, TagLength),
            Encoding.UTF8.GetBytes(associatedData));
        return sealedData;
    }

    /// <summary>The plaintext, or null when the master key or the associated data is not the one it was sealed with.</summary>
    public byte[]? Open(ReadOnlySpan<byte> sealedData, string associatedData)
    {
        if (sealedData.Length < NonceLength + TagLength)
        {
            return null;
        }

        var plaintext = new byte[sealedData.Length - NonceLength - TagLength];
        using var aes = new AesGcm(_key, TagLength);
        try
        {
            aes.Decrypt(sealedData[..NonceLength], sealedData[(NonceLength + TagLength)..], sealedData.Slice(NonceLength, TagLength),
                plaintext, Encoding.UTF8.GetBytes(associatedData));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    public static string KeyAssociatedData(Guid id, string domain, string selector) => $"signet-key:v1:{id:D}:{domain}:{selector}";

    /// <summary>Binds a publisher's sealed TSIG secret to its row, as a key's is bound to its own.</summary>
    public static string PublisherAssociatedData(Guid id, string name) => $"signet-publisher:v1:{id:D}:{name}";

    public string SealCheck() => Convert.ToBase64String(Seal(Encoding.UTF8.GetBytes(CheckText), CheckText));

    public bool OpensCheck(string sealedCheck) =>
        Open(Convert.FromBase64String(sealedCheck), CheckText) is { } text && Encoding.UTF8.GetString(text) == CheckText;
}
