using System.Net;
using Signet.Dkim.Lookup;

namespace Signet.Dns.Authoritative;

/// <summary>One authoritative server's answer: who was asked (its NS name and the address used), what it said, and
/// the reason in words. <see cref="Lookup"/> holds the records when it <see cref="AuthoritativeServerOutcome.Answered"/>.</summary>
public sealed record AuthoritativeServerAnswer(string ServerName, IPEndPoint Endpoint, AuthoritativeServerOutcome Outcome, TxtLookupResult Lookup)
{
    /// <summary>"ns1.example.com (192.0.2.1)": how a person recognises the server; the port only when it is not 53.</summary>
    public string Server => Endpoint.Port == 53 ? $"{ServerName} ({Endpoint.Address})" : $"{ServerName} ({Endpoint})";

    /// <summary>What it said, for a person: "no answer within 2 s (2 tries)", "SERVFAIL"…</summary>
    public string Reason => Outcome switch
    {
        AuthoritativeServerOutcome.Answered => Lookup.Records.Count == 1 ? "answered with a TXT record" : $"answered with {Lookup.Records.Count} TXT records",
        _ => Lookup.Detail,
    };
}
