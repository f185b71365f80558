using Signet.Cli;
using Signet.Serve;

namespace Signet.Commands;

/// <summary><c>signet serve</c>: the milter, the web console and the REST API in one process.</summary>
public sealed class ServeCommand : ICliCommand
{
    public string Name => "serve";

    public IReadOnlyList<CliAction> Actions { get; } = [new("", [.. ServeCommandLine.Keys.Keys, ServeCommandLine.ConfigOption], [])];

    public string Summary => "run the milter, the web console and the API (the mail-flow service)";

    public string Help => """
        Usage: signet serve [--config FILE] [--data DIR] [--urls URL] [--milter HOST:PORT | unix:PATH] [--hostname NAME]
                            [--internal-network CIDR ...] [--resolver HOST[:PORT]] [--store CONNECTION-STRING]
                            [--relay HOST:PORT --next-hop HOST:PORT] [--trusted-proxy ADDRESS ...]
                            [--tls-certificate PEM --tls-key PEM]
                            [--log-format plain|json|systemd]

        Runs the DKIM milter for Postfix or Sendmail (signs mail from internal or authenticated clients with the
        keys in the store, verifies other mail and adds Authentication-Results), the web console and the REST API,
        and /health. On first run it creates the embedded SQLite store and its master key in the data directory,
        and prints the console's set-up link while there is no administrator. SIGTERM finishes the messages in
        progress, then stops.

          --config FILE             read settings from FILE (Key = value lines, [Mail], [Milter], [Dns], [Store]
                                    and [Relay] sections; the package's is /etc/signet/signet.conf). An unknown
                                    key or a bad value stops the start with one line naming it and the file;
                                    check a file with: signet config check FILE
          --data DIR                the data directory (default ./data, or $SIGNET_DATA)
          --urls URL                where the console and the API listen (default http://127.0.0.1:8080; repeatable)
          --milter ENDPOINT         where the milter listens: HOST:PORT, inet:PORT@HOST or unix:/PATH
                                    (default 127.0.0.1:8891)
          --log-format F            plain (one line per event, the default), json (one object per line) or
                                    systemd (plain with journald's priority prefix; the default under journald)
          --hostname NAME           this host's fully qualified name: the authserv-id of Authentication-Results
                                    and the d= of the server-wide key; it replaces the stored one at every start
                                    where it differs (default: the machine's fully qualified name; a single label
                                    such as "vm" is refused, and the server-wide key never signs with one)
          --internal-network CIDR   clients whose mail is signed without SMTP authentication (repeatable; default
                                    127.0.0.0/8 and ::1/128; giving any replaces the defaults)
          --resolver HOST[:PORT]    the DNS server for key lookups (repeatable; default: the system's resolvers)
          --store CONNECTION        a PostgreSQL connection string, for several nodes sharing one store
          --relay HOST:PORT         also run the SMTP relay there (for MTAs without milter support, or as a
                                    Postfix content_filter: see docs/relay.md); needs --next-hop
          --next-hop HOST:PORT      where the relay forwards mail; it answers 250 only after the next hop did
          --trusted-proxy ADDRESS   a reverse proxy (address or network) whose X-Forwarded-For and -Proto are
                                    believed (repeatable; default none: see docs/console.md)
          --tls-certificate PEM     the certificate (with its chain) for the https:// URLs of --urls; read again
                                    when it changes, so a renewal needs no restart (see docs/install.md)
          --tls-key PEM             the private key of --tls-certificate

        Every option is also a setting: in the --config file, or in the environment as
        SIGNET_DATA, SIGNET_URLS__0, SIGNET_MILTER__LISTEN, SIGNET_HOSTNAME, SIGNET_MAIL__INTERNALNETWORKS__0,
        SIGNET_DNS__SERVERS__0, SIGNET_STORE__CONNECTIONSTRING, SIGNET_RELAY__LISTEN, SIGNET_RELAY__NEXTHOP, SIGNET_TRUSTEDPROXIES__0, SIGNET_TLSCERTIFICATEFILE, SIGNET_TLSKEYFILE. The command line wins over the environment, which
        wins over the file. See docs/postfix.md for the Postfix side.

        Exit statuses: 0 stopped normally; 1 something needed is unavailable (a port taken, the database
        unreachable); 2 a setting cannot be used (one line on stderr says which).

        Example:
          signet serve --data /var/lib/signet --milter 127.0.0.1:8891 --hostname mail.example.com
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken) =>
        ServeHost.RunAsync(ServeCommandLine.ToSources(args), console, cancellationToken);
}
