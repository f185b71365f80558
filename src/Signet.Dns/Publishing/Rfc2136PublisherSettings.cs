using System.Net;
using System.Text;

namespace Signet.Dns.Publishing;

/// <summary>Where and how <see cref="Rfc2136Publisher"/> sends its updates: the zone's primary server, the zone, and
/// the TSIG key (RFC 8945) the primary accepts updates with. Only hmac-sha256 is used: hmac-md5 is deprecated
/// (RFC 8945 §6) and every server that accepts updates knows hmac-sha256.</summary>
public sealed record Rfc2136PublisherSettings
{
    /// <summary>The shortest secret accepted: RFC 8945 §6 asks for keys at least as long as the HMAC output, 32 bytes
    /// for hmac-sha256 (what <c>tsig-keygen</c> and <c>keymgr -t</c> generate).</summary>
    public const int MinimumSecretBytes = 32;

    public required IPEndPoint Primary { get; init; }

    /// <summary>The zone updated, e.g. <c>example.com</c>: every record name published must lie within it.</summary>
    public required string Zone { get; init; }

    /// <summary>The TSIG key's name, as configured on the primary.</summary>
    public required string KeyName { get; init; }

    /// <summary>The TSIG secret (the base64 in the server's configuration, decoded).</summary>
    public required IReadOnlyList<byte> Secret { get; init; }

    /// <summary>How long to wait for the primary's answer before reporting a timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The TTL of published records. One hour: short enough that a revocation is seen soon, long enough
    /// that receivers do not ask for every message.</summary>
    public int RecordTtl { get; init; } = 3600;

    public bool TryValidate(out string error)
    {
        error = string.Empty;
        if (!DnsNames.TryNormalize(Zone, out _, out string zoneError))
        {
            error = $"zone: {zoneError}";
        }
        else if (!DnsNames.TryNormalize(KeyName, out _, out string keyError))
        {
            error = $"key name: {keyError}";
        }
        else if (Secret.Count < MinimumSecretBytes)
        {
            error = $"the TSIG secret has {Secret.Count} bytes; hmac-sha256 needs at least {MinimumSecretBytes} (generate one with tsig-keygen or keymgr -t)";
        }
        else if (Primary.Port is < 1 or > 65535)
        {
            error = "the primary's port must be 1-65535";
        }
        else if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            error = "the timeout must be more than zero and at most 5 minutes";
        }
        else if (RecordTtl is < 0 or > 604800)
        {
            error = "the record TTL must be 0-604800 seconds (one week)";
        }

        return error.Length == 0;
    }

    /// <summary>Whether <paramref name="recordName"/> lies within <see cref="Zone"/>, so this publisher can write it.</summary>
    public bool Covers(string recordName) => ZoneCovers(Zone, recordName);

    /// <summary>Whether <paramref name="recordName"/> lies within <paramref name="zone"/> (both as users type them).</summary>
    public static bool ZoneCovers(string zone, string recordName) =>
        DnsNames.TryNormalize(recordName, out string name, out _) && DnsNames.TryNormalize(zone, out string normalized, out _) && DnsNames.IsWithin(name, normalized);

    /// <summary>The secret from its base64 form, as servers print it.</summary>
    public static bool TryDecodeSecret(string base64, out byte[] secret, out string error)
    {
        secret = [];
        error = string.Empty;
        try
        {
            secret = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            error = "the TSIG secret is not base64";
            return false;
        }

        return true;
    }

    // The secret never appears in logs or exceptions that print the settings.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Primary = {Primary}, Zone = {Zone}, KeyName = {KeyName}, Secret = (hidden), Timeout = {Timeout}, RecordTtl = {RecordTtl}");
        return true;
    }
}
