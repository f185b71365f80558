namespace Signet.Cli;

/// <summary>The standard streams a command uses, so tests can run commands in-process.</summary>
public sealed record CliConsole(Stream Input, Stream Output, TextWriter Error)
{
    public static CliConsole System => new(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error);

    public void WriteLine(string text)
    {
        var bytes = global::System.Text.Encoding.UTF8.GetBytes(text + "\n");
        Output.Write(bytes);
        Output.Flush();
    }
}
