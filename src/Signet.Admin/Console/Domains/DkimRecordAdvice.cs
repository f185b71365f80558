using Signet.Store.Model;

namespace Signet.Admin.Console.Domains;

/// <summary>What to do in DNS with a key's record, by the key's state: publish it, keep it, replace it with the
/// revoked form, or remove it.</summary>
public static class DkimRecordAdvice
{
    public static (string Action, string Kind, string Why) For(KeyState state) => state switch
    {
        KeyState.Pending => ("Publish", "warn", "Signet signs with this key once it sees the record and you activate it."),
        KeyState.Active => ("Keep", "ok", "Signet signs with this key now: receivers look this record up for every message."),
        KeyState.Retiring => ("Keep", "neutral", "Not signing any more, but mail already sent still verifies with it until it is revoked."),
        KeyState.Revoked => ("Replace with the revoked form", "bad", "Publish v=DKIM1; p= (empty key) so old signatures fail on purpose; remove the record a few weeks later."),
        _ => ("Remove", "neutral", "The key is deleted: nothing needs this record any more."),
    };
}
