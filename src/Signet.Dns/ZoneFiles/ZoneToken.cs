namespace Signet.Dns.ZoneFiles;

/// <summary>One field of a zone-file entry: <see cref="Text"/> as written (for names, types, TTLs), and
/// <see cref="Bytes"/> with quotes removed and escapes decoded (for character-strings).</summary>
internal sealed record ZoneToken(string Text, byte[] Bytes, bool Quoted);
