namespace Signet.Testing;

/// <summary>Finds the repository's folders from a test's working directory, so tests can read tests/vectors.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Vectors => Path.Combine(Root, "tests", "vectors");

    public static string Vector(params string[] parts) => Path.Combine([Vectors, .. parts]);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Signet.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Signet.slnx not found above " + AppContext.BaseDirectory);
    }
}
