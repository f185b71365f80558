using System.Text.RegularExpressions;
using System.Xml.Linq;
using Signet.Testing;

namespace Signet.Architecture.Tests;

/// <summary>docs/architecture.md stays true: the projects it names exist, every source project has its row, and no
/// project references one its row says it must not (read from the .csproj ProjectReference items).</summary>
public sealed partial class ArchitectureDocumentTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "architecture.md"));

    [Fact]
    public void EveryProjectTheDocumentNames_Exists()
    {
        var named = ProjectName().Matches(Document).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("Signet.Dkim", named);
        Assert.All(named, name => Assert.True(ProjectFile(name) is not null, $"docs/architecture.md names `{name}`, which is no project under src/ or tests/"));
    }

    [Fact]
    public void EverySourceProject_HasItsRow()
    {
        var rows = Rows().Select(row => row.Project).ToHashSet();

        var missing = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src")).Select(Path.GetFileName).Where(name => !rows.Contains(name!));

        Assert.Empty(missing);
    }

    [Fact]
    public void NoProject_ReferencesOneItsRowForbids()
    {
        var rows = Rows();
        Assert.Contains(rows, row => row.Project == "Signet.Dkim" && row.Forbidden.Contains("Signet.Store"));

        var broken = rows.SelectMany(row => References(row.Project).Intersect(row.Forbidden).Select(target => $"{row.Project} references {target}, which docs/architecture.md forbids"));

        Assert.Empty(broken);
    }

    /// <summary>The milter and the relay are thin adapters of one pipeline: each reaches the DKIM step through
    /// Signet.Mail, and the table forbids each to reference the other (so the rule above enforces it), and the console
    /// to reference the mail pipeline at all.</summary>
    [Fact]
    public void FrontEnds_ShareSignetMail_AndTheTableForbidsEachTheOther()
    {
        var rows = Rows().ToDictionary(row => row.Project, row => row.Forbidden);

        Assert.Contains("Signet.Milter", rows["Signet.Relay"]);
        Assert.Contains("Signet.Relay", rows["Signet.Milter"]);
        Assert.Contains("Signet.Mail", rows["Signet.Admin"]);
        Assert.Contains("Signet.Mail", References("Signet.Milter"));
        Assert.Contains("Signet.Mail", References("Signet.Relay"));
        Assert.DoesNotContain("Signet.Milter", References("Signet.Relay"));
    }

    /// <summary>The rows of the project table: the project in the first cell, the forbidden ones in the last.</summary>
    private static List<(string Project, HashSet<string> Forbidden)> Rows() => Document
        .Split('\n')
        .Where(line => line.StartsWith("| `Signet", StringComparison.Ordinal))
        .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
        .Select(cells => (ProjectName().Match(cells[1]).Groups[1].Value, ProjectName().Matches(cells[^2]).Select(m => m.Groups[1].Value).ToHashSet()))
        .ToList();

    private static IEnumerable<string> References(string project) =>
        XDocument.Load(ProjectFile(project)!).Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')));

    private static string? ProjectFile(string name) => new[] { "src", "tests" }
        .Select(folder => Path.Combine(RepositoryPaths.Root, folder, name, name + ".csproj"))
        .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"`(Signet(?:\.[A-Za-z]+)*)`")]
    private static partial Regex ProjectName();
}
