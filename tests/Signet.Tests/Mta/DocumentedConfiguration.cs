using Signet.Testing;

namespace Signet.Tests.Mta;

/// <summary>The configuration lines a page in docs/ gives users, read by the test that runs them: the page and the
/// test cannot drift apart, since the test runs exactly what the page says.</summary>
internal static class DocumentedConfiguration
{
    /// <summary>The lines of every fenced block of <paramref name="language"/> (```m4, ```exim) in docs/<paramref name="page"/>,
    /// in order.</summary>
    public static IReadOnlyList<string> Blocks(string page, string language)
    {
        string path = Path.Combine(RepositoryPaths.Root, "docs", page);
        var lines = new List<string>();
        bool inside = false;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inside = !inside && line[3..].Trim() == language;
                continue;
            }

            if (inside)
            {
                lines.Add(line);
            }
        }

        Assert.True(lines.Count > 0, $"docs/{page} has no ```{language} block: the test runs the configuration that page documents");
        return lines;
    }
}
