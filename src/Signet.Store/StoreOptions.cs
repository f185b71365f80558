using Npgsql;
using Signet.Dns;

namespace Signet.Store;

/// <summary>How the store is kept: where, in which database, under which master key. Validated once at start by
/// <see cref="TryValidate"/>; <see cref="SignetStore.OpenAsync"/> refuses options that do not validate.</summary>
/// <remarks>Settable properties, not init-only: the configuration binder's source generator (which serve uses, for
/// Native AOT) silently skips init-only ones.</remarks>
public sealed record StoreOptions
{
    /// <summary>Holds the SQLite database and the master key file unless both are given elsewhere.</summary>
    public required string DataDirectory { get; set; }

    /// <summary>A PostgreSQL connection string: several nodes then share one database. Null: SQLite in
    /// <see cref="DataDirectory"/>, created on first run with no set-up.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The file holding the base64 master key; <c>master.key</c> in <see cref="DataDirectory"/> when neither
    /// this nor <see cref="MasterKey"/> is given. Created on first run with mode 0600.</summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>The 32-byte master key in base64, so several nodes can share it without a shared file.</summary>
    public string? MasterKey { get; set; }

    /// <summary>Where activation and rotation look key records up; the system's resolvers when empty.</summary>
    public DnsResolverOptions DnsResolver { get; set; } = new();

    /// <summary>How long an old key stays retiring after a rotation switched before its record is revoked: a week
    /// covers mail that sits in queues and is verified late (RFC 6376 §3.6.1 leaves the timing to the signer).</summary>
    public TimeSpan RotationRevokeAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often <see cref="SigningSnapshotCache"/> asks whether anything changed: a change made on another
    /// node reaches this one within this interval.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public const string DatabaseFileName = "signet.db";

    public const string MasterKeyFileName = "master.key";

    public string DatabasePath => Path.Combine(DataDirectory, DatabaseFileName);

    public string MasterKeyPath => MasterKeyFile ?? Path.Combine(DataDirectory, MasterKeyFileName);

    public bool TryValidate(out string error)
    {
        error = Validate() ?? string.Empty;
        return error.Length == 0;
    }

    private string? Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            return "the data directory is not set";
        }

        if (MasterKey is not null && MasterKeyFile is not null)
        {
            return "give the master key either in a file or as a value, not both";
        }

        if (MasterKey is not null && !Security.MasterKey.TryDecode(MasterKey, out _, out string keyError))
        {
            return keyError;
        }

        if (RotationRevokeAfter <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
        {
            return "the rotation revoke period and the poll interval must be positive";
        }

        if (ConnectionString is not null && !TryParseConnectionString(ConnectionString, out string connectionError))
        {
            return connectionError;
        }

        return DnsResolver.TryValidate(out string dnsError) ? null : "DNS resolver: " + dnsError;
    }

    private static bool TryParseConnectionString(string text, out string error)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(text);
            error = string.Empty;
            return true;
        }
        catch (ArgumentException exception)
        {
            error = "the PostgreSQL connection string is not valid: " + exception.Message;
            return false;
        }
    }
}
