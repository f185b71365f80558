using System.Text.RegularExpressions;
using Signet.Cli;
using Signet.Dkim.Signing;

namespace Signet.Tests.Commands;

/// <summary>Help is written from the definitions the parser reads: every option a command's help names is one the
/// parser accepts for that command, and every option it accepts is named and described in its help.</summary>
public partial class HelpDefinitionTests
{
    public static TheoryData<string> CommandNames()
    {
        var data = new TheoryData<string>();
        foreach (var command in SignetCommandLine.Commands)
        {
            data.Add(command.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task Help_NamesExactlyTheOptionsTheParserAccepts(string name)
    {
        var command = SignetCommandLine.Commands.Single(c => c.Name == name);
        var accepted = command.Actions.SelectMany(a => a.Valued.Concat(a.Flags)).Select(o => "--" + o).ToHashSet();

        var help = await CliRun.Run(name, "--help");
        var named = OwnLines(help.OutputText, name).SelectMany(line => OptionName().Matches(line).Select(m => m.Value)).Where(o => o != "--help").ToHashSet();

        Assert.True(help.ExitCode == 0, help.Error);
        Assert.Empty(named.Except(accepted).Order(StringComparer.Ordinal));
        Assert.Empty(accepted.Except(named).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task Help_DescribesEveryOptionOnItsOwnLine(string name)
    {
        var command = SignetCommandLine.Commands.Single(c => c.Name == name);
        string help = (await CliRun.Run(name, "--help")).OutputText;

        foreach (var option in command.Actions.SelectMany(a => a.Valued.Concat(a.Flags)).Distinct())
        {
            Assert.Matches(new Regex($"(?m)^  --{Regex.Escape(option)}\\b"), help);
        }

        Assert.All(command.Definition.Subcommands.Prepend(command.Definition).SelectMany(c => c.Options),
            option => Assert.False(string.IsNullOrWhiteSpace(option.Description), $"signet {name} {option.Name} has no description"));
    }

    [Fact]
    public async Task SignHelp_NamesEveryFieldTheSignerOversigns()
    {
        string help = string.Join(' ', (await CliRun.Run("sign", "--help")).OutputText.Split(['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        string oversigned = help[help.IndexOf("each when present;", StringComparison.Ordinal)..help.IndexOf("are oversigned", StringComparison.Ordinal)];

        Assert.Equal(
            DkimSignedHeaderPolicy.DefaultOversigned.Order(StringComparer.Ordinal),
            FieldName().Matches(oversigned).Select(m => m.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ServeHelp_NamesTheEnvironmentVariableOfEverySetting()
    {
        string help = (await CliRun.Run("serve", "--help")).OutputText;

        foreach (string key in Signet.Serve.ServeCommandLine.Keys.Values)
        {
            Assert.Contains("SIGNET_" + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant(), help, StringComparison.Ordinal);
        }
    }

    /// <summary>The help's lines, each cut where it starts to show another command (an example, or "see signet X").</summary>
    private static IEnumerable<string> OwnLines(string help, string name)
    {
        var others = SignetCommandLine.Commands.Select(c => c.Name).Where(n => n != name).ToList();
        foreach (string line in help.Split('\n'))
        {
            var other = OtherCommand().Matches(line).FirstOrDefault(m => others.Contains(m.Groups[1].Value));
            yield return other is null ? line : line[..other.Index];
        }
    }

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z0-9-]*")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"\bsignet ([a-z][a-z-]*)")]
    private static partial Regex OtherCommand();

    [GeneratedRegex(@"[A-Z][A-Za-z-]*")]
    private static partial Regex FieldName();
}
