using System.Text;
using Signet.Admin.Console.Keys;
using Signet.Dkim;
using Signet.Dkim.Keys;
using Signet.Tests.Commands.Store;

namespace Signet.Tests.Rules;

/// <summary>The key type ↔ <c>k=</c> name is written once (<see cref="DkimKeyTypeNames"/>): the record the engine
/// writes, the record the store publishes, the names keygen, key generate and the console take, and the record parser
/// all agree on it, so a key made by any of them publishes a record that reads back as the same type.</summary>
public sealed class KeyTypeNameRuleTests : IDisposable
{
    private readonly StoreCli _cli = new();

    public static TheoryData<DkimKeyType> KeyTypes => [.. Enum.GetValues<DkimKeyType>()];

    [Theory]
    [MemberData(nameof(KeyTypes))]
    public async Task EveryWayToMakeAKey_PublishesTheOneNameAndItReadsBackAsTheSameType(DkimKeyType keyType)
    {
        string name = keyType.ToTagValue();
        Assert.True(DkimKeyTypeNames.TryParse(Encoding.ASCII.GetBytes(name), out var parsed));
        Assert.Equal(keyType, parsed);

        string pem = _cli.File("key.pem");
        string[] size = keyType == DkimKeyType.Rsa ? ["--bits", "1024"] : [];
        var keygen = await CliRun.Run(["keygen", "--algorithm", name, .. size, "--out", pem]);

        Assert.True(keygen.ExitCode == 0, keygen.Error);
        var printed = await CliRun.Run("dns-record", "--key", pem, "--domain", "example.com", "--format", "value");
        AssertRecordOf(keyType, printed.OutputText.Split('\n')[1]);

        await _cli.Ok("domain", "add", "--domain", "example.com");
        await _cli.Ok(["key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", name, .. size]);
        string stored = await _cli.Ok("key", "dns", "--domain", "example.com", "--format", "value");
        AssertRecordOf(keyType, stored.Split('\n')[1]);

        var console = KeyActions.GenerationRequests(keyType == DkimKeyType.Rsa ? name + "2048" : name, "s1", string.Empty);
        Assert.Equal(keyType, Assert.Single(console).KeyType);
        Assert.Contains(KeyForms.KeyChoices, choice => choice.Value.StartsWith(name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("rsa", DkimKeyType.Rsa)]
    [InlineData("RSA", DkimKeyType.Rsa)]
    [InlineData("rsa-sha256", DkimKeyType.Rsa)]
    [InlineData("ed25519", DkimKeyType.Ed25519)]
    [InlineData("Ed25519-SHA256", DkimKeyType.Ed25519)]
    public async Task Keygen_AndKeyGenerate_TakeTheSameNames(string choice, DkimKeyType expected)
    {
        Assert.True(DkimKeyTypeNames.TryParseChoice(choice, out var parsed));
        Assert.Equal(expected, parsed);

        var keygen = await CliRun.Run("keygen", "--algorithm", choice, "--out", _cli.File("k.pem"));
        Assert.True(keygen.ExitCode == 0, keygen.Error);
        Assert.Contains(expected == DkimKeyType.Ed25519 ? "Ed25519" : "RSA", keygen.Error, StringComparison.Ordinal);

        await _cli.Ok("domain", "add", "--domain", "example.com");
        string made = await _cli.Ok("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", choice, "--bits", "1024");
        Assert.Contains(expected == DkimKeyType.Ed25519 ? DkimAlgorithmNames.Ed25519Sha256 : DkimAlgorithmNames.RsaSha256, made, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dsa")]
    [InlineData("rsa ")]
    [InlineData("ed448")]
    [InlineData("rsa\u0000")]
    [InlineData("ЕD25519")]
    public async Task UnknownNames_AreRefusedAlikeWithTheChoices(string choice)
    {
        Assert.False(DkimKeyTypeNames.TryParseChoice(choice, out _));
        Assert.False(DkimKeyTypeNames.TryParse(Encoding.UTF8.GetBytes(choice), out _));

        var keygen = await CliRun.Run("keygen", "--algorithm", choice, "--out", _cli.File("k.pem"));
        Assert.Equal(2, keygen.ExitCode);
        Assert.Contains(DkimKeyTypeNames.Choices, keygen.Error, StringComparison.Ordinal);

        await _cli.Ok("domain", "add", "--domain", "example.com");
        var generated = await _cli.Run("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", choice);
        Assert.Equal(2, generated.ExitCode);
        Assert.Contains(DkimKeyTypeNames.Choices, generated.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dsa")]
    [InlineData("ed448")]
    [InlineData("RSA")]
    [InlineData("Ed25519")]
    [InlineData("rsa-sha256")]
    public void KeyRecord_WithAnotherName_IsNoUsableKeyAndNamesTheChoices(string value)
    {
        // In a record, k= is case-sensitive (RFC 6376 §3.2) and an unknown type is no usable key (§3.6.1): what a person
        // may type is wider than what a record may say.
        Assert.False(DkimKeyTypeNames.TryParse(Encoding.ASCII.GetBytes(value), out _));
        Assert.False(DkimKeyRecord.TryParse(Encoding.ASCII.GetBytes($"v=DKIM1; k={value}; p=AAAA"), out _, out var failure));
        Assert.Contains(DkimKeyTypeNames.Choices, failure.Message, StringComparison.Ordinal);
    }

    private static void AssertRecordOf(DkimKeyType keyType, string value)
    {
        Assert.Contains($"k={keyType.ToTagValue()};", value, StringComparison.Ordinal);
        Assert.True(DkimKeyRecord.TryParse(Encoding.ASCII.GetBytes(value), out var record, out var failure), failure?.Message);
        Assert.Equal(keyType, record.KeyType);
        Assert.True(record.TryGetPublicKey(out var key, out _));
        Assert.Equal(keyType, key.KeyType);
    }

    public void Dispose() => _cli.Dispose();
}
