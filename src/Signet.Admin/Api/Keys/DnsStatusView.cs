namespace Signet.Admin.Api.Keys;

/// <summary>The DNS status of a key, checked now: the record that should be published, and what DNS holds.</summary>
public sealed record DnsStatusView(string RecordName, string ExpectedValue, string KeyState, DnsCheckView Check);
