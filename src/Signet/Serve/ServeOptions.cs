using Microsoft.Extensions.Configuration;

namespace Signet.Serve;

/// <summary>The settings of <c>signet serve</c> itself, bound from the configuration root (appsettings.json,
/// <c>SIGNET_</c> environment variables, command-line options), with the reason for each default beside it. The
/// milter, the store and DNS have their own records in their own sections (<c>Milter</c>, <c>Store</c>, <c>Dns</c>),
/// and what the milter and the relay share has one (<c>Mail</c>).</summary>
/// <remarks>Settable properties, not init-only: the configuration binder's source generator (which serve uses, for
/// Native AOT) silently skips init-only ones.</remarks>
public sealed record ServeOptions
{
    /// <summary>The data directory (<c>--data</c>, <c>SIGNET_DATA</c>): the embedded SQLite store and the master key
    /// live here. Relative to the working directory, so a first <c>signet serve</c> needs no set-up.</summary>
    [ConfigurationKeyName("Data")]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Where the console and the API listen (<c>--urls</c>). Loopback by default: the console manages
    /// private keys, so exposing it is a decision to make (behind a TLS proxy), not a default.</summary>
    public IReadOnlyList<string> Urls { get; set; } = ["http://127.0.0.1:8080"];

    /// <summary>The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (<c>--trusted-proxy</c>,
    /// addresses or networks). None by default: a header any client can write must not choose the address the
    /// sign-in throttle counts, nor make a plain http request look like https (docs/console.md).</summary>
    public IReadOnlyList<string> TrustedProxies { get; set; } = [];

    /// <summary>The PEM certificate (with its chain) for the https:// entries of <see cref="Urls"/> (<c>--tls-certificate</c>),
    /// read again when it changes, so a renewal needs no restart. None by default: plain http on loopback, or TLS
    /// at a reverse proxy (<see cref="TrustedProxies"/>).</summary>
    public string? TlsCertificateFile { get; set; }

    /// <summary>The PEM private key of <see cref="TlsCertificateFile"/> (<c>--tls-key</c>).</summary>
    public string? TlsKeyFile { get; set; }

    /// <summary>This host's name (<c>--hostname</c>): the authserv-id in Authentication-Results unless
    /// <c>Mail:AuthservId</c> says otherwise. The machine's name by default.</summary>
    public string HostName { get; set; } = Signet.Store.Model.MachineHostName.FullyQualified();

    /// <summary>The log format (<c>--log-format</c>): plain, json or systemd; see <see cref="ServeLogFormat"/>.</summary>
    public string? LogFormat { get; set; }

    /// <summary>How often pending keys and rotations are checked against DNS and advanced. Five minutes: a published
    /// record is picked up soon, and DNS is not asked more than a zone's usual TTL would justify.</summary>
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a stop (SIGTERM) waits for messages in progress before cutting their connections. Thirty
    /// seconds is more than signing or verifying a message takes, and less than systemd's default stop timeout (90 s).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these options, in words; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            errors.Add("Data: the data directory is empty");
        }

        if (Urls is null || Urls.Count == 0)
        {
            errors.Add("Urls: give at least one URL for the console, such as http://127.0.0.1:8080");
        }

        foreach (string url in Urls ?? [])
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"Urls: \"{url}\" is not an http:// or https:// URL");
            }
        }

        errors.AddRange(ValidateTls());
        foreach (string proxy in TrustedProxies ?? [])
        {
            if (!ProxyHeaders.TryParse(proxy, out _, out string proxyError))
            {
                errors.Add("TrustedProxies: " + proxyError);
            }
        }

        if (string.IsNullOrWhiteSpace(HostName) || Uri.CheckHostName(HostName) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
        {
            errors.Add($"HostName: \"{HostName}\" is not a host name");
        }

        if (LogFormat is { Length: > 0 } format && !ServeLogFormat.Names.Contains(format.ToLowerInvariant()))
        {
            errors.Add($"LogFormat: \"{format}\" is not a log format ({string.Join(", ", ServeLogFormat.Names)})");
        }

        if (RotationInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add("RotationInterval must be at least one second");
        }

        if (ShutdownTimeout <= TimeSpan.Zero)
        {
            errors.Add("ShutdownTimeout must be positive");
        }

        return errors;
    }

    private IEnumerable<string> ValidateTls()
    {
        bool https = (Urls ?? []).Any(url => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        bool certificate = !string.IsNullOrEmpty(TlsCertificateFile);
        bool key = !string.IsNullOrEmpty(TlsKeyFile);
        if (certificate != key)
        {
            return [certificate ? "TlsKeyFile: give the private key of TlsCertificateFile too" : "TlsCertificateFile: give the certificate of TlsKeyFile too"];
        }

        if (https && !certificate)
        {
            return ["Urls: an https:// URL needs TlsCertificateFile and TlsKeyFile (PEM files)"];
        }

        if (!certificate)
        {
            return [];
        }

        if (!https)
        {
            return ["TlsCertificateFile: no entry of Urls is https://, so the certificate would not be used"];
        }

        // Read now, so a wrong file stops the start (and `signet config check`) instead of the first handshake.
        if (!TlsCertificateFiles.TryLoad(TlsCertificateFile!, TlsKeyFile!, out var read, out string error))
        {
            return ["TlsCertificateFile: " + error];
        }

        read!.Dispose();
        return [];
    }
}
