using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Signet.Serve;

/// <summary>The console's and API's TLS certificate, read from a PEM certificate file (with its chain) and a PEM key
/// file, and read again when either file changes: every new TLS handshake compares their modification times with the
/// ones read last, so a renewal (certbot replacing the files) takes effect on the next connection without a restart.
/// A renewal caught half-written keeps the previous certificate until both files form a pair again.</summary>
public sealed class TlsCertificateFiles : IDisposable
{
    private readonly string _certificateFile;
    private readonly string _keyFile;
    private readonly ILogger<TlsCertificateFiles> _logger;
    private readonly Lock _reading = new();
    private X509Certificate2 _current;
    private (DateTime Certificate, DateTime Key) _readAt;
    private (DateTime Certificate, DateTime Key) _failedAt;

    public TlsCertificateFiles(IOptions<ServeOptions> options, ILogger<TlsCertificateFiles> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _certificateFile = options.Value.TlsCertificateFile ?? throw new InvalidOperationException("TlsCertificateFile is not set");
        _keyFile = options.Value.TlsKeyFile ?? throw new InvalidOperationException("TlsKeyFile is not set");
        _logger = logger;
        _readAt = ModificationTimes();
        _current = TryLoad(_certificateFile, _keyFile, out var certificate, out string error)
            ? certificate!
            : throw new InvalidOperationException(error);
    }

    /// <summary>Reads the pair, or says in one line which file is wrong and how: missing, unreadable, not PEM, a key
    /// that does not match, a certificate already expired.</summary>
    public static bool TryLoad(string certificateFile, string keyFile, out X509Certificate2? certificate, out string error)
    {
        certificate = null;
        foreach (string file in new[] { certificateFile, keyFile })
        {
            if (!File.Exists(file))
            {
                error = $"{file}: no such file";
                return false;
            }
        }

        try
        {
            certificate = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            error = $"{certificateFile} with key {keyFile}: not a PEM certificate and its private key ({exception.Message.ReplaceLineEndings(" ").Trim()})";
            return false;
        }

        if (certificate.NotAfter < DateTime.Now)
        {
            error = $"{certificateFile}: the certificate expired on {certificate.NotAfter:yyyy-MM-dd}";
            certificate.Dispose();
            certificate = null;
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>The certificate for a new handshake: the files' current pair when they changed and read well, else
    /// the pair read last.</summary>
    public X509Certificate2 Current()
    {
        var times = ModificationTimes();
        if (times == _readAt || times == _failedAt)
        {
            return _current;
        }

        lock (_reading)
        {
            if (times != _readAt && times != _failedAt)
            {
                if (TryLoad(_certificateFile, _keyFile, out var certificate, out string error))
                {
                    // The previous certificate is not disposed: a handshake in progress may still hold it.
                    _current = certificate!;
                    _readAt = times;
                    _logger.TlsCertificateReloaded(_certificateFile, certificate!.Subject, certificate.NotAfter);
                }
                else
                {
                    _failedAt = times;
                    _logger.TlsCertificateReloadFailed(error);
                }
            }

            return _current;
        }
    }

    public void Dispose() => _current.Dispose();

    private (DateTime Certificate, DateTime Key) ModificationTimes() =>
        (File.GetLastWriteTimeUtc(_certificateFile), File.GetLastWriteTimeUtc(_keyFile));
}
