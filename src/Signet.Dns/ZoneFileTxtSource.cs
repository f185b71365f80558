using Signet.Dkim.Lookup;
using Signet.Dns.ZoneFiles;

namespace Signet.Dns;

/// <summary>TXT records read from a zone file, for verifying offline (<c>signet verify --keys FILE</c>). Understands
/// <c>NAME. [TTL] [IN] TXT "chunk" "chunk"</c> lines with comments, parentheses, escapes and <c>$ORIGIN</c>;
/// records of other types are ignored. Names compare case-insensitively, with or without the trailing dot.</summary>
public sealed class ZoneFileTxtSource : ITxtRecordSource
{
    private readonly Dictionary<string, IReadOnlyList<TxtRecord>> _records;
    private readonly string _description;

    private ZoneFileTxtSource(Dictionary<string, List<TxtRecord>> records, string description)
    {
        _records = records.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<TxtRecord>)pair.Value.AsReadOnly(), StringComparer.Ordinal);
        _description = description;
    }

    /// <summary>The names that have TXT records, lower case, without the trailing dot.</summary>
    public IReadOnlyCollection<string> Names => _records.Keys;

    /// <summary>Reads a zone file. On failure <paramref name="error"/> names the file and the line.</summary>
    public static bool TryLoad(string path, out ZoneFileTxtSource source, out string error)
    {
        source = null!;
        byte[] text;
        try
        {
            text = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"cannot read {path}: {exception.Message}";
            return false;
        }

        if (!ZoneFileParser.TryParse(text, out var records, out error))
        {
            error = $"{path}: {error}";
            return false;
        }

        source = new ZoneFileTxtSource(records, path);
        return true;
    }

    /// <summary>Parses zone-file text. On failure <paramref name="error"/> names the line ("line 3: ...").</summary>
    public static bool TryParse(string text, out ZoneFileTxtSource source, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        source = null!;
        if (!ZoneFileParser.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out var records, out error))
        {
            return false;
        }

        source = new ZoneFileTxtSource(records, "the zone text");
        return true;
    }

    public ValueTask<TxtLookupResult> LookupTxtAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        string key = ZoneFileParser.NormalizeName(name);
        var result = _records.TryGetValue(key, out var records)
            ? TxtLookupResult.Found(records)
            : TxtLookupResult.NotFound($"no TXT record at {key} in {_description}");
        return ValueTask.FromResult(result);
    }
}
