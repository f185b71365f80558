using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Signet.Mail;
using Signet.Milter;
using Signet.Serve;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>The settings the milter and the relay share are one section, <c>[Mail]</c>, bound once; the keys they had
/// before in <c>[Milter]</c> and <c>[Relay]</c> (in files, the environment, the command line) keep working as other
/// spellings of the same settings, under the usual precedence, with <c>[Mail]</c> first within one source.</summary>
public sealed class ServeMailSettingsTests
{
    private const string OldStyleFile = """
        HostName = host.example.com
        [Milter]
        Listen = 127.0.0.1:8891
        AuthservId = mx.example.com
        InternalNetworks = 192.0.2.0/24
        InternalNetworks = 2001:db8::/32
        SigningFailureAction = Accept
        UnauthorizedSenderAction = PassUnsigned
        MaximumSignatures = 3
        [Relay]
        NextHop = 127.0.0.1:10026
        VerificationFailureAction = TempFail
        MaximumHeaderSize = 65536
        MaximumVerifiedMessageSize = 1048576
        """;

    [Fact]
    public void OldStyleFile_SharedSettingsInMilterAndRelay_BindIntoTheMailSection()
    {
        using var directory = new TemporaryDirectory();

        using var provider = Build(directory, OldStyleFile);

        var mail = provider.GetRequiredService<IOptions<MailOptions>>().Value;
        Assert.Equal("mx.example.com", mail.AuthservId);
        Assert.Equal(["192.0.2.0/24", "2001:db8::/32"], mail.InternalNetworks);
        Assert.Equal(MailFailureAction.Accept, mail.SigningFailureAction);
        Assert.Equal(MailFailureAction.TempFail, mail.VerificationFailureAction);
        Assert.Equal(UnauthorizedSenderAction.PassUnsigned, mail.UnauthorizedSenderAction);
        Assert.Equal(3, mail.MaximumSignatures);
        Assert.Equal(65536, mail.MaximumHeaderSize);
        Assert.Equal(1048576, mail.MaximumVerifiedMessageSize);
        // The milter's own record still binds strictly, and the old keys are not unknown to it.
        Assert.Equal("127.0.0.1:8891", provider.GetRequiredService<IOptions<MilterOptions>>().Value.Listen);
    }

    [Fact]
    public async Task ConfigCheck_OldStyleFile_IsUsable()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("signet.conf");
        await File.WriteAllTextAsync(path, OldStyleFile);

        var run = await CliRun.Run("config", "check", path);

        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public async Task ConfigCheck_OldKeysInTheFile_NamesEachWithItsNewSpelling_AndStillPasses()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("signet.conf");
        await File.WriteAllTextAsync(path, OldStyleFile);

        var run = await CliRun.Run("config", "check", path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"{path}: ok", run.OutputText.Trim());
        string[] expected =
        [
            .. new[] { "AuthservId", "InternalNetworks", "SigningFailureAction", "UnauthorizedSenderAction", "MaximumSignatures" }
                .Select(key => $"signet config: {path}: [Milter] {key} is an old spelling, still read: write [Mail] {key} instead"),
            .. new[] { "VerificationFailureAction", "MaximumHeaderSize", "MaximumVerifiedMessageSize" }
                .Select(key => $"signet config: {path}: [Relay] {key} is an old spelling, still read: write [Mail] {key} instead"),
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), OldSpellingLines(run.Error).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ConfigCheck_OnlyNewKeys_SaysNothingAboutOldSpellings()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("signet.conf");
        await File.WriteAllTextAsync(path, """
            HostName = host.example.com
            [Mail]
            AuthservId = mx.example.com
            InternalNetworks = 192.0.2.0/24
            MaximumSignatures = 3
            [Milter]
            Listen = 127.0.0.1:8891
            [Relay]
            NextHop = 127.0.0.1:10026
            """);

        var run = await CliRun.Run("config", "check", path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(OldSpellingLines(run.Error));
    }

    [Theory]
    [InlineData("Milter", "MaximumSignatures", "lots")]
    [InlineData("Relay", "SigningFailureAction", "sometimes\u001b[2J")]
    [InlineData("milter", "maximumverifiedmessagesize", "64 MiB")]
    public async Task ConfigCheck_OldKeyWithAValueOfTheWrongType_StillFailsNamingTheKeyAsGiven(string section, string key, string value)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("signet.conf");
        await File.WriteAllTextAsync(path, $"[Relay]\nNextHop = 127.0.0.1:10026\n[{section}]\n{key} = {value}\n");

        var run = await CliRun.Run("config", "check", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.OutputText);
        Assert.Contains($"at '{section}:{key}'", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\u001b', run.Error);
    }

    [Fact]
    public void MailSection_WinsOverTheOldKeysInTheSameSource()
    {
        using var directory = new TemporaryDirectory();

        using var provider = Build(directory, """
            [Relay]
            NextHop = 127.0.0.1:10026
            AuthservId = relay.example.com
            [Milter]
            AuthservId = milter.example.com
            MaximumSignatures = 4
            [Mail]
            AuthservId = mail.example.com
            [Relay]
            MaximumSignatures = 5
            """);

        var mail = provider.GetRequiredService<IOptions<MailOptions>>().Value;
        Assert.Equal("mail.example.com", mail.AuthservId);
        Assert.Equal(4, mail.MaximumSignatures);
    }

    [Fact]
    public void OldKeyInAHigherSource_WinsOverTheMailKeyInTheFile()
    {
        using var directory = new TemporaryDirectory();

        using var provider = Build(directory, "[Mail]\nAuthservId = file.example.com\nInternalNetworks = 192.0.2.0/24\n[Relay]\nNextHop = 127.0.0.1:10026\n",
            new Dictionary<string, string?> { ["Milter:AuthservId"] = "cli.example.com", ["Relay:InternalNetworks:0"] = "198.51.100.0/24" });

        var mail = provider.GetRequiredService<IOptions<MailOptions>>().Value;
        Assert.Equal("cli.example.com", mail.AuthservId);
        Assert.Equal(["198.51.100.0/24"], mail.InternalNetworks);
    }

    [Fact]
    public void NoAuthservIdInAnySpelling_DefaultsToTheHostName()
    {
        using var directory = new TemporaryDirectory();

        using var provider = Build(directory, "HostName = host.example.com\n");

        Assert.Equal("host.example.com", provider.GetRequiredService<IOptions<MailOptions>>().Value.AuthservId);
    }

    [Theory]
    [InlineData("Milter:SigningFailureAction", "sometimes")]
    [InlineData("Relay:MaximumSignatures", "lots")]
    [InlineData("Milter:MaximumVerifiedMessageSize", "-")]
    public void OldKey_ValueOfTheWrongType_IsReportedUnderTheKeyAsGiven(string key, string value)
    {
        using var directory = new TemporaryDirectory();

        var error = Assert.Throws<InvalidOperationException>(() => Build(directory, string.Empty, new Dictionary<string, string?> { [key] = value }));

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OldKey_BadValue_FailsTheMailValidation()
    {
        using var directory = new TemporaryDirectory();
        using var provider = Build(directory, "[Milter]\nInternalNetworks = 10.0.0.0/33\n");

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MailOptions>>().Value);

        Assert.Contains("Mail: InternalNetworks: \"10.0.0.0/33\"", error.Message, StringComparison.Ordinal);
    }

    private static string[] OldSpellingLines(string error) =>
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(line => line.Contains("old spelling", StringComparison.Ordinal)).ToArray();

    /// <summary>The container as <c>signet serve</c> builds it: the file, then <paramref name="higher"/> as the
    /// command line, the derived defaults, the services.</summary>
    private static ServiceProvider Build(TemporaryDirectory directory, string file, IReadOnlyDictionary<string, string?>? higher = null)
    {
        string path = directory.File("signet.conf");
        File.WriteAllText(path, file);
        Assert.True(ServeConfigFile.TryRead(path, out var settings, out string error), error);
        var configuration = new ConfigurationManager();
        ServeConfiguration.AddSources(configuration, directory.Path,
            new ServeSources(path, settings, higher ?? new Dictionary<string, string?>(), Environment: false));
        ServeConfiguration.AddDerivedDefaults(configuration);
        return new ServiceCollection().AddLogging().AddSignetServe(configuration).BuildServiceProvider();
    }
}
