using Signet.Store.Model;

namespace Signet.Admin.Api.Domains;

/// <summary>The API's names for <see cref="SubdomainSigning"/>.</summary>
public static class SubdomainNames
{
    public const string UseParentKeys = "useParentKeys";
    public const string RequireOwnKeys = "requireOwnKeys";

    public static string Name(SubdomainSigning value) => value == SubdomainSigning.UseParentKeys ? UseParentKeys : RequireOwnKeys;

    public static bool TryParse(string text, out SubdomainSigning value, out string error)
    {
        error = string.Empty;
        if (string.Equals(text, UseParentKeys, StringComparison.OrdinalIgnoreCase))
        {
            value = SubdomainSigning.UseParentKeys;
            return true;
        }

        if (string.Equals(text, RequireOwnKeys, StringComparison.OrdinalIgnoreCase))
        {
            value = SubdomainSigning.RequireOwnKeys;
            return true;
        }

        value = default;
        error = $"subdomains \"{text}\" is not known: use {UseParentKeys} or {RequireOwnKeys}";
        return false;
    }
}
