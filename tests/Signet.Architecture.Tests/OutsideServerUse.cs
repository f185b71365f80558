using System.Reflection;

namespace Signet.Architecture.Tests;

/// <summary>Which test classes start an outside server, judged from the code: a class starts one when a method of
/// its own (or of a base class, a lambda or an async body inside it) reaches, through our test helpers, a static
/// method or constructor of a type marked [OutsideServer]; or when a class or collection fixture it uses is such
/// a type or reaches one while it is set up (constructor or InitializeAsync).</summary>
internal sealed class OutsideServerUse
{
    private const string Marker = "Signet.Testing.OutsideServerAttribute";
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly Dictionary<MethodBase, string?> _reached = [];

    /// <summary>The marked type the class reaches and through what, or null when it starts none.</summary>
    public string? Of(Type testClass)
    {
        for (var type = testClass; type is not null && IsOurs(type); type = type.BaseType)
        {
            foreach (var method in MethodsWithin(type))
            {
                if (Reached(method) is { } server)
                {
                    return $"{server} from {method.DeclaringType!.Name}.{method.Name}";
                }
            }
        }

        foreach (var fixture in FixturesOf(testClass))
        {
            if (IsMarked(fixture))
            {
                return $"{fixture.Name} (its fixture)";
            }

            var setUp = fixture.GetConstructors(Everything).Cast<MethodBase>().Concat(fixture.GetMethods(Everything).Where(m => m.Name == "InitializeAsync"));
            if (setUp.Select(Reached).FirstOrDefault(s => s is not null) is { } server)
            {
                return $"{server} from its fixture {fixture.Name}";
            }
        }

        return null;
    }

    public static bool IsTestClass(Type type) =>
        type is { IsClass: true, IsAbstract: false } &&
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.CustomAttributes.Any(a => IsXunit(a.AttributeType, "FactAttribute")));

    private static bool IsXunit(Type? attribute, string name)
    {
        for (; attribute is not null; attribute = attribute.BaseType)
        {
            if (attribute.FullName == "Xunit." + name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The class's own methods and those of the types nested in it (lambdas, async bodies).</summary>
    private static IEnumerable<MethodBase> MethodsWithin(Type type) =>
        type.GetMethods(Everything).Cast<MethodBase>()
            .Concat(type.GetConstructors(Everything))
            .Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(MethodsWithin));

    private static IEnumerable<Type> FixturesOf(Type testClass)
    {
        var interfaces = testClass.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition().FullName == "Xunit.IClassFixture`1");
        string? collection = testClass.CustomAttributes
            .FirstOrDefault(a => a.AttributeType.FullName == "Xunit.CollectionAttribute")?.ConstructorArguments[0].Value as string;
        if (collection is not null)
        {
            var definition = TestAssemblies.TypesOf(testClass.Assembly).FirstOrDefault(t => t.CustomAttributes.Any(a =>
                a.AttributeType.FullName == "Xunit.CollectionDefinitionAttribute" && a.ConstructorArguments.Count > 0 && Equals(a.ConstructorArguments[0].Value, collection)));
            interfaces = interfaces.Concat(definition?.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition().FullName == "Xunit.ICollectionFixture`1") ?? []);
        }

        return interfaces.Select(i => i.GetGenericArguments()[0]);
    }

    private string? Reached(MethodBase method)
    {
        if (_reached.TryGetValue(method, out var known))
        {
            return known;
        }

        _reached[method] = null; // a cycle reaches nothing new
        string? found = null;
        foreach (var called in MethodCalls.Of(method))
        {
            var type = called.DeclaringType;
            if (type is null || !IsOurs(type))
            {
                continue;
            }

            if (IsMarked(type) && (called.IsStatic || called.IsConstructor))
            {
                found = type.Name;
                break;
            }

            if (Reached(called) is { } deeper)
            {
                found = deeper;
                break;
            }
        }

        _reached[method] = found;
        return found;
    }

    private static bool IsMarked(Type type) => type.CustomAttributes.Any(a => a.AttributeType.FullName == Marker);

    /// <summary>Test assemblies and Signet.Testing: the only code that starts servers for tests.</summary>
    private static bool IsOurs(Type type)
    {
        string name = type.Assembly.GetName().Name ?? "";
        return name == "Signet.Testing" || (name.StartsWith("Signet.", StringComparison.Ordinal) && name.EndsWith(".Tests", StringComparison.Ordinal));
    }
}
