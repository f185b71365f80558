using System.Text.RegularExpressions;

namespace Signet.Tests.Operations;

/// <summary>Compares "METHOD /path" forms: a route parameter of the mapped pattern (<c>{action}</c>) stands for any
/// segment of the catalog's form (<c>retire</c>), and a trailing slash does not count.</summary>
internal static partial class RouteForms
{
    public static string Normalize(string route)
    {
        string path = ParameterConstraint().Replace(route, "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>Whether the mapped <paramref name="mapped"/> ("POST /a/{action}") serves the catalog's form ("POST /a/retire").</summary>
    public static bool Serves(string mapped, string form)
    {
        string[] m = mapped.Split(' ', 2);
        string[] f = form.Split(' ', 2);
        if (f.Length != 2 || m[0] != f[0])
        {
            return false;
        }

        string[] mappedSegments = Normalize(m[1]).Split('/');
        string[] formSegments = Normalize(f[1]).Split('/');
        return mappedSegments.Length == formSegments.Length
            && mappedSegments.Zip(formSegments).All(pair => pair.First == pair.Second || (pair.First.StartsWith('{') && pair.First.EndsWith('}')));
    }

    [GeneratedRegex(@"\{([a-z]+)(:[a-z]+)?\}", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterConstraint();
}
