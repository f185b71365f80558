using Signet.Cli;
using Signet.Dkim;
using Signet.Dkim.Keys;

namespace Signet.Commands;

/// <summary><c>signet keygen</c>: a new private key, PKCS#8 PEM, mode 0600.</summary>
public sealed class KeygenCommand : CliCommand
{
    // The sizes come from DkimKeySizes, the rule the store, the API and the console apply too.
    protected override CliCommandDefinition Define() => new CliCommandDefinition(
        "keygen",
        $"generate a private key (RSA {DkimKeySizes.RecommendedRsaBits} by default, or Ed25519)",
        """
        Generates a DKIM private key and writes it as PKCS#8 PEM to FILE, readable by its owner only (0600).
        An existing FILE is never replaced unless --force is given.
        """)
    {
        Examples =
        [
            $"signet keygen --algorithm rsa --bits {DkimKeySizes.RecommendedRsaBits} --out s1.example.com.pem",
            "signet dns-record --key s1.example.com.pem --domain example.com --selector s1",
        ],
    }.With(
        CliOptions.Suggested("algorithm", "rsa (default) works with every receiver; ed25519 (RFC 8463) is smaller and faster but not yet checked by all receivers: sign with both for the best of each", DkimKeyTypeNames.Rsa, DkimKeyTypeNames.Ed25519),
        CliOptions.Value("bits", "N", $"RSA key size, {DkimKeySizes.RsaSigningRange}, a multiple of 8 (default {DkimKeySizes.RecommendedRsaBits}; RFC 8301 §3.2)"),
        CliOptions.Value("out", "FILE", "where to write the key", required: true),
        CliOptions.Flag("force", "replace FILE if it exists"));

    public override Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var options = arguments;
        var type = DkimKeyType.Rsa;
        if (options.Get("algorithm") is { } algorithm && !DkimKeyTypeNames.TryParseChoice(algorithm, out type))
        {
            throw new CliUsageException($"--algorithm {algorithm.ToLowerInvariant()}: expected {DkimKeyTypeNames.Choices}");
        }
        int bits = ParseBits(options.Get("bits"), type);
        string path = options.Require("out");
        using var key = DkimKeyGenerator.Generate(type, bits);
        KeyFiles.WriteSecret(path, key.ExportPkcs8Pem(), options.Has("force"));
        string description = type == DkimKeyType.Rsa ? $"RSA {bits}-bit" : "Ed25519";
        console.Error.WriteLine($"wrote {path}: {description} private key (mode 0600). Its DNS record: signet dns-record --key {path} --domain DOMAIN --selector s1");
        return Task.FromResult(ExitCodes.Success);
    }

    private static int ParseBits(string? text, DkimKeyType type)
    {
        if (text is null)
        {
            return DkimKeySizes.RecommendedRsaBits;
        }

        if (type == DkimKeyType.Ed25519)
        {
            throw new CliUsageException("--bits applies to RSA keys only: Ed25519 keys are always 256 bits");
        }

        if (!int.TryParse(text, out int bits))
        {
            throw new CliUsageException($"--bits {text}: expected a number of bits, {DkimKeySizes.RsaSigningRange}; {DkimKeySizes.RecommendedRsaBits} is recommended");
        }

        if (!DkimKeySizes.IsRsaSizeToGenerate(bits, out string error))
        {
            throw new CliUsageException($"--bits {text}: {error}");
        }

        return bits;
    }
}
