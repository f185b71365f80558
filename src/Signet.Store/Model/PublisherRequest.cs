namespace Signet.Store.Model;

/// <summary>A new RFC 2136 publisher as an admin types it: the primary as <c>address[:port]</c>, the TSIG secret as
/// the base64 the DNS server's configuration holds.</summary>
public sealed record PublisherRequest(string Name, string Primary, string Zone, string KeyName, string Secret);
