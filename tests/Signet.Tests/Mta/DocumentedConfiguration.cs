using Signet.Testing;

namespace Signet.Tests.Mta;

/// <summary>The configuration lines a page in docs/ gives users, read by the test that runs them: the page and the
/// test cannot drift apart, since the test runs exactly what the page says.</summary>
internal static class DocumentedConfiguration
{
    /// <summary>Each fenced block of <paramref name="language"/> (```m4, ```exim) in docs/<paramref name="page"/>, in
    /// order, as its lines.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Blocks(string page, string language)
    {
        string path = Path.Combine(RepositoryPaths.Root, "docs", page);
        var blocks = new List<IReadOnlyList<string>>();
        List<string>? current = null;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (current is null && line[3..].Trim() == language)
                {
                    current = [];
                }
                else if (current is not null)
                {
                    blocks.Add(current);
                    current = null;
                }

                continue;
            }

            current?.Add(line);
        }

        Assert.True(blocks.Count > 0, $"docs/{page} has no ```{language} block: the test runs the configuration that page documents");
        return blocks;
    }
}
