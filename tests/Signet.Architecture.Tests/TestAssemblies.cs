using System.Reflection;
using System.Runtime.Loader;
using System.Xml.Linq;
using Signet.Testing;

namespace Signet.Architecture.Tests;

/// <summary>Every test project of the repository, found from its .csproj and loaded from its own build output
/// (each in a load context of its own, so their dependencies resolve as they do when the tests run).</summary>
internal static class TestAssemblies
{
    public static string OwnProject => typeof(TestAssemblies).Assembly.GetName().Name!;

    /// <summary>The test projects: every tests/*/*.csproj that says IsTestProject, except this one.</summary>
    public static IReadOnlyList<string> ProjectNames { get; } = Directory
        .GetFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.csproj", SearchOption.AllDirectories)
        .Where(path => XDocument.Load(path).Descendants("IsTestProject").Any(e => e.Value.Trim() == "true"))
        .Select(path => Path.GetFileNameWithoutExtension(path))
        .Where(name => name != OwnProject)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<Assembly> All { get; } = ProjectNames.Select(Load).ToList();

    private static Assembly Load(string project)
    {
        // This assembly's folder is tests/<project>/bin/<configuration>/<framework>/: the others sit beside it.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string path = Path.Combine(RepositoryPaths.Root, "tests", project, "bin", output.Parent!.Name, output.Name, project + ".dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: build the solution first (dotnet build Signet.slnx)");
        }

        return new TestAssemblyContext(path).LoadFromAssemblyPath(path);
    }

    /// <summary>The loadable types of an assembly (a type whose base cannot load is left out, not fatal).</summary>
    public static IEnumerable<Type> TypesOf(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }

    private sealed class TestAssemblyContext(string path) : AssemblyLoadContext(Path.GetFileName(path))
    {
        private readonly AssemblyDependencyResolver _resolver = new(path);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } file ? LoadFromAssemblyPath(file) : null;
    }
}
