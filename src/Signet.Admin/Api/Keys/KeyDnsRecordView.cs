namespace Signet.Admin.Api.Keys;

/// <summary>The TXT record to publish for a key, in every form Signet writes: <c>value</c> as is, <c>quoted</c>
/// strings of at most 255 bytes, <c>escaped</c> (also <c>;</c> escaped, for panels that need it), and a <c>zone</c>
/// file line. A revoked or deleted key's record is <c>v=DKIM1; p=</c>.</summary>
public sealed record KeyDnsRecordView(
    string Name,
    string Type,
    int Ttl,
    string Value,
    IReadOnlyList<string> Strings,
    string Quoted,
    string Escaped,
    string Zone);
