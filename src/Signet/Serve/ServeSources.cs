namespace Signet.Serve;

/// <summary>What <c>signet serve</c> reads its settings from besides its defaults: the configuration file's settings
/// (empty without <c>--config</c>), whether the <c>SIGNET_</c> environment counts, and the command-line options.</summary>
public sealed record ServeSources(
    string? ConfigFile,
    IReadOnlyDictionary<string, string?> File,
    IReadOnlyDictionary<string, string?> CommandLine,
    bool Environment = true)
{
    /// <summary>The configuration file alone, as <c>signet config check</c> and the first step of a start judge it.</summary>
    public ServeSources FileOnly() => this with { CommandLine = new Dictionary<string, string?>(), Environment = false };
}
