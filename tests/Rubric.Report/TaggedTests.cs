using System.Reflection;

namespace Rubric.Report;

/// <summary>Test methods carrying [Trait("Rubric", id)], read from the compiled acceptance-test assembly.</summary>
internal static class TaggedTests
{
    public static Dictionary<string, List<string>> Read(string assemblyPath)
    {
        var assembly = Assembly.LoadFrom(Path.GetFullPath(assemblyPath));
        var byId = new Dictionary<string, List<string>>();
        foreach (var type in SafeTypes(assembly))
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        foreach (var attribute in method.GetCustomAttributesData().Concat(type.GetCustomAttributesData()))
        {
            if (attribute.AttributeType.FullName != "Xunit.TraitAttribute" || attribute.ConstructorArguments.Count != 2) continue;
            if (attribute.ConstructorArguments[0].Value as string != "Rubric") continue;
            if (!method.GetCustomAttributesData().Any(a => a.AttributeType.Name is "FactAttribute" or "TheoryAttribute")) continue;
            var id = (string)attribute.ConstructorArguments[1].Value!;
            if (!byId.TryGetValue(id, out var list)) byId[id] = list = [];
            var name = $"{type.FullName}.{method.Name}";
            if (!list.Contains(name)) list.Add(name);
        }
        return byId;
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.Where(t => t is not null)!; }
    }
}
