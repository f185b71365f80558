using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Signet.Dns;
using Signet.Mail;
using Signet.Milter;
using Signet.Relay;
using Signet.Store;

namespace Signet.Serve;

/// <summary>The configuration file of <c>signet serve --config FILE</c> (<c>/etc/signet/signet.conf</c> in the
/// package): <c>Key = value</c> lines, <c>[Section]</c> headers, <c>#</c> or <c>;</c> comments; a list setting
/// (<c>Urls</c>, <c>InternalNetworks</c>, <c>Servers</c>) is written once per item. The keys are the settings of
/// the options records (<see cref="ServeOptions"/> at the top, then <c>[Mail]</c>, <c>[Milter]</c>, <c>[Dns]</c>,
/// <c>[Store]</c>, <c>[Relay]</c>; <c>[Milter]</c> and <c>[Relay]</c> also take the <c>[Mail]</c> keys, as they did
/// before those moved: <see cref="MailSettingAliases"/>); an unknown key or section, a line that is not a setting, or a single setting given twice stops
/// the read with one line naming the file, the line and the key.</summary>
public static class ServeConfigFile
{
    /// <summary>Section name ("" for the top) → the settings of the options record its keys bind to. Each record is
    /// named by <c>typeof</c> where its properties are read, so a trimmed executable keeps them.</summary>
    private static readonly Dictionary<string, PropertyInfo[]> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [string.Empty] = SettingsOf(typeof(ServeOptions)),
        [ServeConfiguration.MailSection] = SettingsOf(typeof(MailOptions)),
        [ServeConfiguration.MilterSection] = SettingsOf(typeof(MilterOptions)),
        [ServeConfiguration.DnsSection] = SettingsOf(typeof(DnsResolverOptions)),
        [ServeConfiguration.StoreSection] = SettingsOf(typeof(StoreOptions)),
        [ServeConfiguration.RelaySection] = SettingsOf(typeof(RelayOptions)),
    };

    /// <summary>Reads <paramref name="path"/> into configuration keys (<c>Milter:Listen</c>, <c>Urls:0</c>…), or
    /// says in one line why it cannot.</summary>
    public static bool TryRead(string path, out IReadOnlyDictionary<string, string?> settings, out string error)
    {
        var read = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        settings = read;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: cannot be read: {exception.Message}";
            return false;
        }

        string section = string.Empty;
        var listLengths = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int number = 1; number <= lines.Length; number++)
        {
            string line = lines[number - 1].Trim();
            string where = $"{path}:{number}";
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                string name = line.TrimStart('[').TrimEnd(']').Trim();
                if (!line.EndsWith(']') || name.Length == 0 || !Sections.ContainsKey(name))
                {
                    error = $"{where}: unknown section {line} (known: [{string.Join("], [", Sections.Keys.Where(s => s.Length > 0))}])";
                    return false;
                }

                section = Sections.Keys.First(s => s.Equals(name, StringComparison.OrdinalIgnoreCase));
                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"{where}: \"{line}\" is not a setting (write Key = value)";
                return false;
            }

            string key = line[..equals].Trim();
            string value = Unquote(line[(equals + 1)..].Trim());
            string fullKey = section.Length == 0 ? key : $"{section}:{key}";
            if (FindSetting(section, key) is not { } property)
            {
                error = $"{where}: unknown setting \"{fullKey}\"";
                return false;
            }

            fullKey = section.Length == 0 ? KeyOf(property) : $"{section}:{KeyOf(property)}";
            if (property.PropertyType == typeof(IReadOnlyList<string>))
            {
                int index = listLengths.GetValueOrDefault(fullKey);
                read[$"{fullKey}:{index}"] = value;
                listLengths[fullKey] = index + 1;
            }
            else if (!read.TryAdd(fullKey, value))
            {
                error = $"{where}: \"{fullKey}\" is given twice";
                return false;
            }
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Every key the file accepts, as <c>Section:Key</c>, for the documentation and its test.</summary>
    public static IEnumerable<string> KnownKeys() =>
        Sections.SelectMany(section => section.Value.Select(p => section.Key.Length == 0 ? KeyOf(p) : $"{section.Key}:{KeyOf(p)}"));

    private static PropertyInfo? FindSetting(string section, string key) =>
        Sections[section].FirstOrDefault(p => KeyOf(p).Equals(key, StringComparison.OrdinalIgnoreCase))
        ?? (MailSettingAliases.IsAlias(section, key)
            ? Sections[ServeConfiguration.MailSection].First(p => KeyOf(p).Equals(key, StringComparison.OrdinalIgnoreCase))
            : null);

    /// <summary>The settable values of an options record; nested records (the store's own DNS settings, which
    /// follow <c>[Dns]</c>) are not file settings.</summary>
    private static PropertyInfo[] SettingsOf([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (p.PropertyType.IsValueType || p.PropertyType == typeof(string) || p.PropertyType == typeof(IReadOnlyList<string>)))
            .ToArray();

    private static string KeyOf(PropertyInfo property) =>
        property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}
