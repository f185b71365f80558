using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Signet.Serve;

/// <summary>Makes a configured list replace the default list of an options record. The configuration binder adds
/// configured items after the items a property already holds, so <c>--internal-network 192.0.2.0/24</c> would keep
/// 127.0.0.0/8 as well: a setting that widens what is trusted instead of replacing it.</summary>
internal static class ConfiguredLists
{
    public static void Replace<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(IConfiguration section, TOptions options)
        where TOptions : class
    {
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType != typeof(IReadOnlyList<string>) || !property.CanWrite)
            {
                continue;
            }

            var configured = section.GetSection(ConfigurationKeyOf(property));
            if (configured.GetChildren().Any())
            {
                property.SetValue(options, configured.GetChildren().Select(item => item.Value ?? string.Empty).ToList());
            }
        }
    }

    private static string ConfigurationKeyOf(PropertyInfo property) =>
        property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
}
