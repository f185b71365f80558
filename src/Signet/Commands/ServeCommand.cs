using System.CommandLine;
using Signet.Cli;
using Signet.Serve;

namespace Signet.Commands;

/// <summary><c>signet serve</c>: the milter, the web console and the REST API in one process.</summary>
public sealed class ServeCommand : CliCommand
{
    /// <summary>Each option of <see cref="ServeCommandLine.Keys"/> and <c>--config</c> with its help, in the order help shows them.</summary>
    private static readonly (string Name, string HelpName, string Description)[] Help =
    [
        (ServeCommandLine.ConfigOption, "FILE", "read settings from FILE (Key = value lines, [Mail], [Milter], [Dns], [Store] and [Relay] sections; the package's is /etc/signet/signet.conf). An unknown key or a bad value stops the start with one line naming it and the file; check a file with: signet config check FILE"),
        ("data", "DIR", "the data directory (default ./data, or $SIGNET_DATA)"),
        ("urls", "URL", "where the console and the API listen (default http://127.0.0.1:8080)"),
        ("milter", "ENDPOINT", "where the milter listens: HOST:PORT, inet:PORT@HOST or unix:/PATH (default 127.0.0.1:8891)"),
        ("milter-socket-group", "GROUP", "the group that owns the milter's Unix socket (mode 0660), e.g. postfix (default: signet's own group)"),
        ("milter-allow-network", "true|false", "let the milter listen on TCP on a non-loopback address: whoever reaches it speaks for the MTA, so say true only where a firewall guards it (default false)"),
        ("unauthorized-sender", "Reject|PassUnsigned", "what happens when an authenticated user sends as a domain that is not theirs: Reject (550 5.7.1, the default) or PassUnsigned"),
        ("log-format", "plain|json|systemd", "plain (one line per event, the default), json (one object per line) or systemd (plain with journald's priority prefix; the default under journald)"),
        ("hostname", "NAME", "this host's fully qualified name: the authserv-id of Authentication-Results and the d= of the server-wide key; it replaces the stored one at every start where it differs (default: the machine's fully qualified name; a single label such as \"vm\" is refused, and the server-wide key never signs with one)"),
        ("internal-network", "CIDR", "clients whose mail is signed without SMTP authentication (default 127.0.0.0/8 and ::1/128; giving any replaces the defaults)"),
        ("resolver", "HOST[:PORT]", "the DNS server for key lookups (default: the system's resolvers)"),
        ("store", "CONNECTION-STRING", "a PostgreSQL connection string, for several nodes sharing one store"),
        ("relay", "HOST:PORT", "also run the SMTP relay there (for MTAs without milter support, or as a Postfix content_filter: see docs/relay.md); needs --next-hop"),
        ("next-hop", "HOST:PORT", "where the relay forwards mail; it answers 250 only after the next hop did"),
        ("trusted-proxy", "ADDRESS", "a reverse proxy (address or network) whose X-Forwarded-For and -Proto are believed (default none: see docs/console.md)"),
        ("tls-certificate", "PEM", "the certificate (with its chain) for the https:// URLs of --urls; read again when it changes, so a renewal needs no restart (see docs/install.md)"),
        ("tls-key", "PEM", "the private key of --tls-certificate"),
    ];

    protected override CliCommandDefinition Define()
    {
        // A setting added to ServeCommandLine without its help here is a programmer error the help tests catch.
        var missing = ServeCommandLine.Keys.Keys.Except(Help.Select(o => o.Name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("serve options without help: " + string.Join(", ", missing));
        }

        var definition = new CliCommandDefinition(
            "serve",
            "run the milter, the web console and the API (the mail-flow service)",
            """
            Runs the DKIM milter for Postfix or Sendmail (signs mail from internal or authenticated clients with the
            keys in the store, verifies other mail and adds Authentication-Results), the web console and the REST API,
            and /health. On first run it creates the embedded SQLite store and its master key in the data directory,
            and prints the console's set-up link while there is no administrator. SIGTERM finishes the messages in
            progress, then stops.
            """)
        {
            Notes = $"""
            Every option is also a setting: in the --config file, or in the environment as
            {string.Join(", ", ServeCommandLine.Keys.Select(k => EnvironmentVariable(k.Key, k.Value)))}.
            The command line wins over the environment, which wins over the file. See docs/postfix.md for the Postfix side.

            Exit statuses: 0 stopped normally; 1 something needed is unavailable (a port taken, the database
            unreachable); 2 a setting cannot be used (one line on stderr says which).
            """,
            Examples = ["signet serve --data /var/lib/signet --milter 127.0.0.1:8891 --hostname mail.example.com"],
        };
        foreach (var (name, helpName, description) in Help)
        {
            Option option = ServeCommandLine.RepeatableOptions.Contains(name)
                ? CliOptions.Repeatable(name, helpName, description)
                : CliOptions.Value(name, helpName, description);
            if (helpName.Contains('|', StringComparison.Ordinal))
            {
                // The values are judged with the rest of the settings at start, which name the setting in their message.
                option.CompletionSources.Add(helpName.Split('|'));
            }

            definition.Options.Add(option);
        }

        return definition;
    }

    public override Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken) =>
        ServeHost.RunAsync(ServeCommandLine.ToSources(arguments), console, cancellationToken);

    // Milter:Listen is SIGNET_MILTER__LISTEN; a list's first item is SIGNET_URLS__0.
    private static string EnvironmentVariable(string option, string key) =>
        ServeConfiguration.EnvironmentVariable(key) + (ServeCommandLine.RepeatableOptions.Contains(option) ? "__0" : string.Empty);
}
