using System.Text;
using Signet.Cli;

namespace Signet.Tests;

/// <summary>Runs a signet command in-process with the given standard input, capturing both outputs.</summary>
internal sealed record CliRun(int ExitCode, byte[] Output, string Error)
{
    public string OutputText => Encoding.UTF8.GetString(Output);

    public static Task<CliRun> Run(params string[] args) => RunWithInput(Array.Empty<byte>(), args);

    public static Task<CliRun> RunWithInput(string input, params string[] args) => RunWithInput(Encoding.UTF8.GetBytes(input), args);

    public static async Task<CliRun> RunWithInput(byte[] input, params string[] args)
    {
        var output = new MemoryStream();
        var error = new StringWriter();
        int code = await SignetCommandLine.RunAsync(args, new CliConsole(new MemoryStream(input), output, error), CancellationToken.None);
        return new CliRun(code, output.ToArray(), error.ToString());
    }
}
