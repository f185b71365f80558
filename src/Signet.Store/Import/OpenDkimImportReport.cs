using Signet.Store.Model;

namespace Signet.Store.Import;

/// <summary>What an OpenDKIM import took (domains added, keys imported and activated) and what it could not.</summary>
public sealed record OpenDkimImportReport(
    IReadOnlyList<string> DomainsAdded,
    IReadOnlyList<KeyEntry> KeysImported,
    IReadOnlyList<OpenDkimSkippedLine> Skipped);
