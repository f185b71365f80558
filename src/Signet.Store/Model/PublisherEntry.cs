namespace Signet.Store.Model;

/// <summary>A DNS publisher a server admin configured: where Signet writes key records for the domains that choose
/// it. The TSIG secret is sealed in the store and never returned.</summary>
public sealed record PublisherEntry(Guid Id, string Name, PublisherKind Kind, string Primary, string Zone, string KeyName, DateTimeOffset CreatedAt);
