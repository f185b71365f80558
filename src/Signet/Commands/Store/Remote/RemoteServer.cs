using System.Net;
using Signet.Cli;

namespace Signet.Commands.Store.Remote;

/// <summary>Where <c>--server-url URL --token-file F</c> points: a running <c>signet serve</c> whose API the store
/// commands then call instead of opening a store. The token is a secret that acts as its user: it is refused in
/// clear text across a network and read only from a file other users cannot read.</summary>
public static class RemoteServer
{
    /// <summary>A token file is one line; anything larger is not one.</summary>
    private const int MaximumTokenFileBytes = 4096;

    public static bool IsRequested(CliArguments options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Has("server-url") || options.Has("token-file");
    }

    public static ApiStoreClient Open(CliArguments options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Has("data") || options.Has("store"))
        {
            throw new CliUsageException("give --server-url (a running signet serve) or --data/--store (a store on this machine), not both");
        }

        var url = ParseUrl(options.Get("server-url") ?? throw new CliUsageException("--token-file needs --server-url URL of the signet serve to manage"),
            options.Has("insecure"));
        string token = ReadToken(options.Get("token-file") ?? throw new CliUsageException("--server-url needs --token-file FILE holding an API token (signet token create)"));
        return new ApiStoreClient(url, token);
    }

    /// <summary>An http(s) URL; plain http only to this machine (loopback), unless <paramref name="insecure"/>: the
    /// bearer token would cross the network readable by anyone on the path.</summary>
    public static Uri ParseUrl(string text, bool insecure)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Any(char.IsControl) || !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            throw new CliUsageException($"--server-url {TerminalText.Printable(text)}: expected the console's address, such as https://mail.example.net:8080");
        }

        if (url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw new CliUsageException($"--server-url {TerminalText.Printable(text)}: give only scheme, host, port and path: the token goes in --token-file");
        }

        if (url.Scheme == "http" && !IsLoopback(url) && !insecure)
        {
            throw new CliUsageException($"--server-url {TerminalText.Printable(text)}: plain http to another machine would send the API token readable on the network; use https, or add --insecure if the path is private");
        }

        return url;
    }

    /// <summary>Loopback by name or address; other names are not resolved: what they resolve to can change.</summary>
    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static string ReadToken(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            UnixFileMode mode;
            try
            {
                mode = File.GetUnixFileMode(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"--token-file {path}: cannot read it: {exception.Message}");
            }

            if ((mode & UnixFileMode.OtherRead) != 0)
            {
                throw new CliUsageException($"--token-file {path}: every user of this machine can read it, and the token acts as its user; run chmod 600 {path}, then try again");
            }
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaximumTokenFileBytes)
            {
                throw new CliUsageException($"--token-file {path}: more than {MaximumTokenFileBytes} bytes: that is not a token file");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--token-file {path}: cannot read it: {exception.Message}");
        }

        string text = System.Text.Encoding.UTF8.GetString(bytes);
        int end = text.IndexOfAny(['\r', '\n']);
        string token = (end < 0 ? text : text[..end]).Trim();
        // The form signet token create prints; anything else would only be refused by the server, less clearly.
        return token.StartsWith("sgt_", StringComparison.Ordinal) && token.Length > 4 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? token
            : throw new CliUsageException($"--token-file {path}: its first line is not an API token (sgt_…, as signet token create prints it)");
    }
}
