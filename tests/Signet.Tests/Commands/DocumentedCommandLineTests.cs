using System.Text;
using System.Text.RegularExpressions;
using Signet.Cli;
using Signet.Testing;

namespace Signet.Tests.Commands;

/// <summary>Every <c>signet</c> command line in the README and docs/ code blocks is accepted by the parser as it
/// stands: a renamed option or a value it no longer takes fails here, naming the file and the line.</summary>
public sealed partial class DocumentedCommandLineTests
{
    public static TheoryData<string, string> DocumentedLines()
    {
        var data = new TheoryData<string, string>();
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Order(StringComparer.Ordinal)
            .Prepend(Path.Combine(RepositoryPaths.Root, "README.md"));
        foreach (string file in files)
        {
            foreach (string line in CodeLines(File.ReadAllLines(file)))
            {
                if (Invocation().Match(line) is { Success: true } match && !match.Value.Contains(" [", StringComparison.Ordinal)
                    && !match.Value.Contains("...", StringComparison.Ordinal))
                {
                    data.Add(Path.GetRelativePath(RepositoryPaths.Root, file), match.Groups[1].Value.Trim());
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedLines))]
    public void DocumentedCommandLine_IsAccepted(string file, string line)
    {
        string[] words = Words(line);
        var command = SignetCommandLine.Commands.SingleOrDefault(c => c.Name == words[0]);
        Assert.True(command is not null, $"{file}: signet {line}: there is no command {words[0]}");

        var error = Record.Exception(() => SignetCommandLine.Parse(command, words[1..]));

        Assert.True(error is null, $"{file}: signet {line}: {error?.Message}");
    }

    [Fact]
    public void TheDocumentation_HasCommandLinesToCheck() => Assert.True(DocumentedLines().Count > 50);

    /// <summary>The lines inside ``` blocks, with backslash continuations joined.</summary>
    private static IEnumerable<string> CodeLines(string[] lines)
    {
        bool inBlock = false;
        var pending = new StringBuilder();
        foreach (string line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            if (!inBlock)
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending.Append(line.AsSpan(0, line.Length - 1)).Append(' ');
                continue;
            }

            yield return pending.Append(line).ToString();
            pending.Clear();
        }
    }

    /// <summary>The words a shell would pass: double quotes grouped, $(…) kept inside its word.</summary>
    private static string[] Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        int depth = 0;
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"' && depth == 0)
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted && depth == 0)
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                depth += c == '(' && word.ToString().EndsWith('$') ? 1 : c == ')' && depth > 0 ? -1 : 0;
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    // "signet COMMAND …" at the start of a line (after a prompt or sudo), up to a comment, a redirection, a pipe or &&.
    [GeneratedRegex(@"^\s*(?:\$ |sudo (?:-u \S+ )?)?signet ((?:[^#<>|&""]|""[^""]*"")+)")]
    private static partial Regex Invocation();
}
