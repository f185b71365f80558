using Signet.Cli;

namespace Signet.Tests.Commands;

public class HelpTests
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
    public async Task Help_EveryCommand_ExplainsItWithAnExample(string name)
    {
        var run = await CliRun.Run(name, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage: signet " + name, run.OutputText);
        Assert.Contains("Example", run.OutputText);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo()
    {
        var run = await CliRun.Run("frobnicate");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown command", run.Error);
    }
}
