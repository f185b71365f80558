using System.Security.Cryptography;
using System.Text;
using Signet.Admin.Console.Keys;
using Signet.Dkim;
using Signet.Dkim.Keys;
using Signet.Tests.Commands.Store;
using Signet.Testing;

namespace Signet.Tests.Rules;

/// <summary>The RSA size rule is written once (<see cref="DkimKeySizes"/>); every way a key comes in — keygen, the
/// store's generate and import (as the CLI, the API and the console call them), the console's choices, the key file
/// reader and the published record — accepts exactly the sizes the rule accepts.</summary>
public sealed class RsaKeySizeRuleTests : IDisposable
{
    private readonly StoreCli _cli = new();

    // Each side of each bound, a size that is not whole bytes, and the usual sizes.
    public static TheoryData<int> SizesToGenerate => [512, 1016, 1020, 1024, 1028, 1032, 4096, 4104, 8192];

    public static TheoryData<int> ExistingKeySizes => [512, 1016, 1024, 2048, 4104];

    [Theory]
    [MemberData(nameof(SizesToGenerate))]
    public async Task Generate_KeygenTheStoreAndTheConsole_AcceptExactlyTheSizesTheRuleAccepts(int bits)
    {
        bool accepted = DkimKeySizes.IsRsaSizeToGenerate(bits, out string reason);
        string text = bits.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var keygen = await CliRun.Run("keygen", "--bits", text, "--out", _cli.File("k.pem"));
        Assert.Equal(accepted ? 0 : 2, keygen.ExitCode);

        await _cli.Ok("domain", "add", "--domain", "example.com");
        var stored = await _cli.Run("key", "generate", "--domain", "example.com", "--selector", "s1", "--bits", text);
        Assert.True(accepted == (stored.ExitCode == 0), $"store generate of {bits} bits exited {stored.ExitCode}: {stored.Error}");

        var console = Assert.Single(KeyActions.GenerationRequests("rsa" + text, "s1", string.Empty));
        Assert.Equal((DkimKeyType.Rsa, bits), (console.KeyType, console.RsaBits));

        if (!accepted)
        {
            Assert.Contains(reason, keygen.Error, StringComparison.Ordinal);
            Assert.Contains(reason, stored.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ExistingKeySizes))]
    public async Task Import_TheKeyReaderTheStoreAndTheRecord_AcceptExactlyTheSizesTheRuleAccepts(int bits)
    {
        using var rsa = RSA.Create(bits);
        byte[] pem = Encoding.ASCII.GetBytes(rsa.ExportPkcs8PrivateKeyPem());
        bool signs = DkimKeySizes.IsRsaSizeToSignWith(bits, out string reason);

        bool read = DkimPrivateKeyReader.TryRead(pem, out var key, out string readError);
        using (read ? key : null)
        {
            Assert.Equal(signs, read);
        }

        await _cli.Ok("domain", "add", "--domain", "example.com");
        string file = _cli.File("imported.pem");
        await File.WriteAllBytesAsync(file, pem);
        var imported = await _cli.Run("key", "import", "--domain", "example.com", "--selector", "s1", "--key", file);
        Assert.True(signs == (imported.ExitCode == 0), $"store import of {bits} bits exited {imported.ExitCode}: {imported.Error}");
        if (!signs)
        {
            Assert.Equal(reason, readError);
            Assert.Contains(reason, imported.Error, StringComparison.Ordinal);
        }

        // A receiver's rule has no upper bound (RFC 8301 §3.2): a published record is judged by the verify rule.
        string record = "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        Assert.True(DkimKeyRecord.TryParse(Encoding.ASCII.GetBytes(record), out var parsed, out _));
        bool verifies = parsed.TryGetPublicKey(out _, out var failure);
        Assert.Equal(DkimKeySizes.IsRsaSizeToVerify(bits, out string verifyReason), verifies);
        if (!verifies)
        {
            Assert.Equal(verifyReason, failure.Message);
        }
    }

    [Fact]
    public void ConsoleChoices_OfferOnlySizesTheRuleAccepts_AndTheRecommendedOneFirst()
    {
        var rsaChoices = KeyForms.KeyChoices
            .SelectMany(choice => KeyActions.GenerationRequests(choice.Value, "s1", string.Empty))
            .Where(request => request.KeyType == DkimKeyType.Rsa)
            .Select(request => request.RsaBits)
            .ToList();

        Assert.Contains(DkimKeySizes.MinimumRsaBits, rsaChoices);
        Assert.Contains(DkimKeySizes.MaximumRsaSigningBits, rsaChoices);
        Assert.All(rsaChoices, bits => Assert.True(DkimKeySizes.IsRsaSizeToGenerate(bits, out _), $"the console offers RSA {bits}"));
        Assert.Equal(DkimKeySizes.RecommendedRsaBits, rsaChoices[0]);
    }

    [Fact]
    public async Task Help_OfKeygenAndKeyGenerate_StatesTheRuleItsRangeAndDefault()
    {
        var keygen = await CliRun.Run("keygen", "--help");
        Assert.Contains($"RSA key size, {DkimKeySizes.MinimumRsaBits} to {DkimKeySizes.MaximumRsaSigningBits}", keygen.OutputText + keygen.Error, StringComparison.Ordinal);
        Assert.Contains($"default {DkimKeySizes.RecommendedRsaBits}", keygen.OutputText + keygen.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
