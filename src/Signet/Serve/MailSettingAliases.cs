using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;
using Signet.Mail;

namespace Signet.Serve;

/// <summary>The settings the milter and the relay share live in one section, <c>Mail</c> (<see cref="MailOptions"/>).
/// Before, each front end had its own copy (<c>Milter:AuthservId</c>, <c>Relay:InternalNetworks</c>…), and files,
/// environments and unit files in use still say so: those keys keep working, as other spellings of the <c>Mail</c> key.
/// <para>An old spelling is the same setting, so the usual precedence holds (the file, then the environment, then the
/// command line): the highest source that gives the setting in any spelling decides. Within one source, <c>Mail</c>
/// wins over <c>Milter</c>, which wins over <c>Relay</c>.</para></summary>
internal static class MailSettingAliases
{
    /// <summary>The sections whose copies of the shared settings are still read, in the order they give way.</summary>
    private static readonly string[] OldSections = [ServeConfiguration.MilterSection, ServeConfiguration.RelaySection];

    /// <summary>The shared settings, by configuration key, with their types.</summary>
    private static readonly Dictionary<string, Type> Settings = typeof(MailOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite)
        .ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="key"/> of <paramref name="section"/> is an old spelling of a <c>Mail</c> key.</summary>
    public static bool IsAlias(string section, string key) =>
        OldSections.Contains(section, StringComparer.OrdinalIgnoreCase) && Settings.ContainsKey(key);

    /// <summary>The <c>Mail</c> values that old spellings decide, as keys to add above every source. A value the
    /// binder could not use is reported under the key it was given as.</summary>
    /// <exception cref="InvalidOperationException">An old spelling holds a value of the wrong type.</exception>
    public static Dictionary<string, string?> Resolve(IConfigurationRoot configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var resolved = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, type) in Settings)
        {
            if (Decide(configuration.Providers.Reverse(), key, type) is not { Section: var section, Values: var values }
                || section.Equals(ServeConfiguration.MailSection, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var (suffix, value) in values)
            {
                CheckConvertible(key, type, $"{section}:{key}{suffix}", value);
                resolved[$"{ServeConfiguration.MailSection}:{key}{suffix}"] = value;
            }
        }

        return resolved;
    }

    /// <summary>Every old spelling in use, wherever it is (even where a higher source overrides it: the file still says
    /// it): the configuration file of <paramref name="sources"/>, <c>appsettings.json</c> and the <c>SIGNET_</c>
    /// environment as <paramref name="configuration"/> reads them. The command line has no option with an old spelling.
    /// One finding per key in the file, one per variable in the environment.</summary>
    public static IReadOnlyList<OldMailSetting> FindOldSpellings(ServeSources sources, IConfigurationRoot configuration)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(configuration);
        var found = new List<OldMailSetting>();
        if (sources.ConfigFile is { } file)
        {
            found.AddRange(InFile(file, new MemoryConfigurationProvider(new MemoryConfigurationSource { InitialData = sources.File })));
        }

        foreach (var provider in configuration.Providers)
        {
            found.AddRange(provider switch
            {
                JsonConfigurationProvider json => InSettingsFile(json),
                EnvironmentVariablesConfigurationProvider environment => InEnvironment(environment),
                _ => [],
            });
        }

        return found;
    }

    /// <summary>The configuration file writes a key under its <c>[Section]</c> header.</summary>
    private static IEnumerable<OldMailSetting> InFile(string path, IConfigurationProvider file) =>
        OldKeysIn(file).Select(k => new OldMailSetting(path, $"[{k.Section}] {k.Key}", $"[{ServeConfiguration.MailSection}] {Canonical(k.Key)}"));

    /// <summary><c>appsettings.json</c> beside the program, with its keys as <c>Section:Key</c>.</summary>
    private static IEnumerable<OldMailSetting> InSettingsFile(JsonConfigurationProvider json)
    {
        string name = json.Source.Path ?? ServeConfiguration.SettingsFileName;
        string path = json.Source.FileProvider is PhysicalFileProvider physical ? Path.Combine(physical.Root, name) : name;
        return OldKeysIn(json).Select(k => new OldMailSetting(path, $"{k.Section}:{k.Key}", $"{ServeConfiguration.MailSection}:{Canonical(k.Key)}"));
    }

    /// <summary>One finding per variable, a list's items each being one. The provider keeps a variable's name after the
    /// prefix, with <c>__</c> read as <c>:</c>: the name as given is that, back.</summary>
    private static IEnumerable<OldMailSetting> InEnvironment(EnvironmentVariablesConfigurationProvider environment) =>
        from k in OldKeysIn(environment)
        from item in k.Items.Count == 0 ? new[] { string.Empty } : k.Items.Select(index => "__" + index)
        select new OldMailSetting("environment",
            $"{ServeConfiguration.EnvironmentPrefix}{k.Section}__{k.Key}{item}",
            ServeConfiguration.EnvironmentVariable($"{ServeConfiguration.MailSection}:{Canonical(k.Key)}") + item.ToUpperInvariant());

    /// <summary>Whether any source gives <c>Mail:AuthservId</c> in any spelling.</summary>
    public static bool IsAuthservIdGiven(IConfiguration configuration) =>
        new[] { ServeConfiguration.MailSection }.Concat(OldSections)
            .Any(section => !string.IsNullOrEmpty(configuration[$"{section}:{nameof(MailOptions.AuthservId)}"]));

    /// <summary><paramref name="section"/> without the old spellings, for binding the front end's own record strictly
    /// (an unknown key there still stops the start, named with its section).</summary>
    public static IConfigurationSection WithoutAliases(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var own = section.AsEnumerable(makePathsRelative: true)
            .Where(entry => entry.Value is not null && !IsAlias(section.Key, entry.Key.Split(':')[0]))
            .Select(entry => KeyValuePair.Create($"{section.Path}:{entry.Key}", entry.Value));
        return new ConfigurationBuilder().AddInMemoryCollection(own).Build().GetSection(section.Path);
    }

    /// <summary>The highest source with the setting in any spelling: its section and its values (a list as
    /// <c>:0</c>, <c>:1</c>… suffixes, a single value with none).</summary>
    private static (string Section, List<(string Suffix, string? Value)> Values)? Decide(IEnumerable<IConfigurationProvider> providers, string key, Type type)
    {
        bool isList = type == typeof(IReadOnlyList<string>);
        foreach (var provider in providers)
        {
            foreach (string section in OldSections.Prepend(ServeConfiguration.MailSection))
            {
                string path = $"{section}:{key}";
                if (isList)
                {
                    var items = provider.GetChildKeys([], path).Distinct(StringComparer.OrdinalIgnoreCase)
                        .Select(index => (Suffix: ":" + index, Value: provider.TryGet($"{path}:{index}", out string? item) ? item : null))
                        .ToList();
                    if (items.Count > 0)
                    {
                        return (section, items);
                    }
                }
                else if (provider.TryGet(path, out string? value) && value is not null)
                {
                    return (section, [(string.Empty, value)]);
                }
            }
        }

        return null;
    }

    /// <summary>The old spellings one source gives, with the section and key as it spells them, and a list's item
    /// indices (none for a single value).</summary>
    private static IEnumerable<(string Section, string Key, IReadOnlyList<string> Items)> OldKeysIn(IConfigurationProvider provider)
    {
        foreach (string section in provider.GetChildKeys([], null).Distinct(StringComparer.OrdinalIgnoreCase)
                     .Where(s => OldSections.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            foreach (string key in provider.GetChildKeys([], section).Distinct(StringComparer.OrdinalIgnoreCase).Where(Settings.ContainsKey))
            {
                IReadOnlyList<string> items = Settings[key] == typeof(IReadOnlyList<string>)
                    ? provider.GetChildKeys([], $"{section}:{key}").Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                    : [];
                yield return (section, key, items);
            }
        }
    }

    /// <summary>The setting's name as <see cref="MailOptions"/> spells it.</summary>
    private static string Canonical(string key) => Settings.Keys.First(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));

    private static void CheckConvertible(string key, Type type, string givenAs, string? value)
    {
        if (type == typeof(string) || type == typeof(IReadOnlyList<string>))
        {
            return;
        }

        try
        {
            new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build().Get<MailOptions>();
        }
        catch (InvalidOperationException)
        {
            // The binder's own wording, under the key as the user wrote it.
            throw new InvalidOperationException($"Failed to convert configuration value '{value}' at '{givenAs}' to type '{type}'.");
        }
    }
}
