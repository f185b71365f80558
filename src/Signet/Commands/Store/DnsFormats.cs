using Signet.Cli;
using Signet.Dkim.DnsText;
using Signet.Store;
using Signet.Store.Model;

namespace Signet.Commands.Store;

/// <summary>The record of a stored key in the engine's formats, as <c>signet dns-record</c> writes them: the name on
/// its own line before value, quoted and escaped; zone and json stand alone.</summary>
public static class DnsFormats
{
    /// <summary>The names <c>--format</c> takes, in the order help lists them.</summary>
    public static string[] Names { get; } = ["value", "quoted", "escaped", "zone", "json"];

    public static DkimDnsTextFormat Parse(string text) => text.ToLowerInvariant() switch
    {
        "value" => DkimDnsTextFormat.Value,
        "quoted" => DkimDnsTextFormat.Quoted,
        "escaped" => DkimDnsTextFormat.Escaped,
        "zone" => DkimDnsTextFormat.Zone,
        "json" => DkimDnsTextFormat.Json,
        _ => throw new CliUsageException($"--format {text}: expected value, quoted, escaped, zone or json"),
    };

    public static string Write(KeyEntry key, DkimDnsTextFormat format)
    {
        ArgumentNullException.ThrowIfNull(key);
        string text = DkimDnsTextFormatter.Format(key.RecordName, KeyRecords.ValueFor(key), format);
        return format is DkimDnsTextFormat.Zone or DkimDnsTextFormat.Json ? text : key.RecordName + "\n" + text;
    }
}
