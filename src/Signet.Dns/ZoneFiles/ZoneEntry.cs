namespace Signet.Dns.ZoneFiles;

/// <summary>One logical line of a zone file: a directive or a resource record, with parentheses already joined.
/// <see cref="HasOwner"/> is true when the entry starts in the first column, where the owner name goes
/// (RFC 1035 §5.1); otherwise the previous owner applies.</summary>
internal sealed record ZoneEntry(int Line, bool HasOwner, IReadOnlyList<ZoneToken> Tokens);
