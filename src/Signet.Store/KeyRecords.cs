using Signet.Dkim;
using Signet.Dkim.DnsText;
using Signet.Dkim.Keys;
using Signet.Store.Model;

namespace Signet.Store;

/// <summary>The TXT record to publish for a key in any state: the public key while it is pending, active or retiring
/// (mail in flight still verifies), and <c>v=DKIM1; p=</c> once revoked or deleted (RFC 6376 §3.6.1: an empty p=
/// means the key has been revoked).</summary>
public static class KeyRecords
{
    public const string RevokedValue = "v=DKIM1; p=";

    public static string ValueFor(KeyEntry key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.State is KeyState.Revoked or KeyState.Deleted)
        {
            return RevokedValue;
        }

        return DkimKeyRecord.Format(key.Algorithm.KeyType(), key.PublicKeyData);
    }

    /// <summary>The record as a zone-file line (name, TTL, class, type, strings) ready to paste into a zone.</summary>
    public static string ZoneLineFor(KeyEntry key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return DkimDnsTextFormatter.Format(key.RecordName, ValueFor(key), DkimDnsTextFormat.Zone);
    }
}
