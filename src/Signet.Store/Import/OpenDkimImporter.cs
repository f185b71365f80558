using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Store.Import;

/// <summary>Brings an OpenDKIM set-up across: every KeyTable entry (<c>name domain:selector:/path/to/key</c>) becomes
/// an active key of its domain, since OpenDKIM already signs with it and its record is published; the SigningTable
/// (<c>*@example.com name</c>, <c>example.com name</c>, <c>*@*.example.com name</c>; plain or <c>refile:</c>) is
/// checked for mappings Signet cannot express, which the report lists with the reason.</summary>
public sealed class OpenDkimImporter
{
    private const string RefilePrefix = "refile:";
    private readonly ISignetStore _store;

    public OpenDkimImporter(ISignetStore store) => _store = store;

    public async Task<StoreResult<OpenDkimImportReport>> ImportAsync(
        Actor actor, string keyTablePath, string? signingTablePath, CancellationToken cancellationToken)
    {
        var keyTable = await ReadTableAsync(keyTablePath, cancellationToken).ConfigureAwait(false);
        var signingTable = signingTablePath is null ? [] : await ReadTableAsync(signingTablePath, cancellationToken).ConfigureAwait(false);
        if (keyTable is null || signingTable is null)
        {
            return StoreResult<OpenDkimImportReport>.Failure(StoreErrorKind.Invalid,
                $"the OpenDKIM table {(keyTable is null ? keyTablePath : signingTablePath)} cannot be read");
        }

        var skipped = new List<OpenDkimSkippedLine>();
        var entries = ParseKeyTable(StripPrefix(keyTablePath), keyTable, skipped);
        CheckSigningTable(StripPrefix(signingTablePath ?? string.Empty), signingTable, entries, skipped);
        var added = new List<string>();
        var imported = new List<KeyEntry>();
        foreach (var entry in entries.Values)
        {
            var key = await ImportEntryAsync(actor, entry, added, skipped, cancellationToken).ConfigureAwait(false);
            if (key is not null)
            {
                imported.Add(key);
            }
        }

        return StoreResult<OpenDkimImportReport>.Success(new OpenDkimImportReport(added, imported, skipped));
    }

    private async Task<KeyEntry?> ImportEntryAsync(
        Actor actor, KeyTableEntry entry, List<string> added, List<OpenDkimSkippedLine> skipped, CancellationToken cancellationToken)
    {
        if (!File.Exists(entry.KeyFile))
        {
            skipped.Add(entry.Skip($"the key file {entry.KeyFile} does not exist"));
            return null;
        }

        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(entry.KeyFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            skipped.Add(entry.Skip($"the key file {entry.KeyFile} cannot be read: {exception.Message}"));
            return null;
        }

        // Checked before the domain is added, so an unreadable key leaves nothing behind.
        if (!Dkim.Keys.DkimPrivateKeyReader.TryRead(content, out var parsed, out string error))
        {
            skipped.Add(entry.Skip($"the key file {entry.KeyFile} cannot be imported: {error}"));
            return null;
        }

        parsed.Dispose();
        var domain = await _store.GetDomainAsync(actor, entry.Domain, cancellationToken).ConfigureAwait(false);
        if (!domain.Succeeded)
        {
            var addedDomain = await _store.AddDomainAsync(actor, entry.Domain, cancellationToken).ConfigureAwait(false);
            if (!addedDomain.TryGetValue(out var newDomain, out var refused))
            {
                skipped.Add(entry.Skip(refused.Message));
                return null;
            }

            added.Add(newDomain.Name);
        }

        var owner = KeyOwner.ForDomain(entry.Domain);
        var imported = await _store.ImportKeyAsync(actor, owner, entry.Selector, content, cancellationToken).ConfigureAwait(false);
        if (!imported.TryGetValue(out var key, out var refusal))
        {
            skipped.Add(entry.Skip(refusal.Message));
            return null;
        }

        // OpenDKIM signs with it today, so its record is published: activate without waiting for a DNS check.
        var activated = await _store.ActivateKeyAsync(actor, key.Id, true, cancellationToken).ConfigureAwait(false);
        return activated.TryGetValue(out var active, out _) ? active : key;
    }

    private static Dictionary<string, KeyTableEntry> ParseKeyTable(string file, IReadOnlyList<string> lines, List<OpenDkimSkippedLine> skipped)
    {
        var entries = new Dictionary<string, KeyTableEntry>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            string line = StripComment(lines[i]);
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string[] parts = fields.Length == 2 ? fields[1].Split(':', 3) : [];
            if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            {
                skipped.Add(new OpenDkimSkippedLine(file, i + 1, lines[i], "a KeyTable line is \"name domain:selector:/path/to/key\""));
                continue;
            }

            if (!DomainNames.TryNormalize(parts[0], out string domain, out string error))
            {
                skipped.Add(new OpenDkimSkippedLine(file, i + 1, lines[i], error));
                continue;
            }

            entries[fields[0]] = new KeyTableEntry(file, i + 1, lines[i], domain, parts[1].ToLowerInvariant(), parts[2]);
        }

        return entries;
    }

    private static void CheckSigningTable(
        string file, IReadOnlyList<string> lines, Dictionary<string, KeyTableEntry> keys, List<OpenDkimSkippedLine> skipped)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            string line = StripComment(lines[i]);
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            string? reason = fields.Length < 2 ? "a SigningTable line is \"pattern keyname\""
                : !keys.TryGetValue(fields[1], out var key) ? $"the key name {fields[1]} is not in the KeyTable"
                : Unsupported(fields[0].ToLowerInvariant(), key.Domain);
            if (reason is not null)
            {
                skipped.Add(new OpenDkimSkippedLine(file, i + 1, lines[i], reason));
            }
        }
    }

    /// <summary>Null when Signet signs the pattern's mail with the key's domain as OpenDKIM did, else why not.</summary>
    private static string? Unsupported(string pattern, string keyDomain)
    {
        string domainPart = pattern.StartsWith("*@", StringComparison.Ordinal) ? pattern[2..] : pattern;
        if (domainPart.Contains('@', StringComparison.Ordinal))
        {
            return "per-address signing is not supported: Signet signs all mail of a domain with the domain's keys";
        }

        if (domainPart == keyDomain)
        {
            return null;
        }

        if (domainPart == "*." + keyDomain)
        {
            // Signet's default for subdomains is the parent's keys, which is what this pattern asks for.
            return null;
        }

        return domainPart.Contains('*', StringComparison.Ordinal)
            ? $"the wildcard pattern {pattern} cannot be expressed: Signet matches a domain and, optionally, its subdomains"
            : $"mail from {domainPart} was signed with a key of {keyDomain}: Signet signs a domain with its own keys or its parent's; add {domainPart} with its own key";
    }

    private static async Task<IReadOnlyList<string>?> ReadTableAsync(string path, CancellationToken cancellationToken)
    {
        string file = StripPrefix(path);
        return File.Exists(file) ? await File.ReadAllLinesAsync(file, cancellationToken).ConfigureAwait(false) : null;
    }

    private static string StripPrefix(string path) => path.StartsWith(RefilePrefix, StringComparison.Ordinal) ? path[RefilePrefix.Length..] : path;

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash >= 0 ? line[..hash] : line).Trim();
    }


    private sealed record KeyTableEntry(string File, int Line, string Text, string Domain, string Selector, string KeyFile)
    {
        public OpenDkimSkippedLine Skip(string reason) => new(File, Line, Text, reason);
    }
}
