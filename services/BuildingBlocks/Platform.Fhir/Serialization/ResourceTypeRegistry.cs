using System.Collections.Frozen;
using Platform.Fhir.Model;

namespace Platform.Fhir.Serialization;

/// <summary>Maps FHIR resourceType names to the classes of this model.</summary>
public static class ResourceTypeRegistry
{
    private static readonly FrozenDictionary<string, Type> TypesByName = typeof(Resource).Assembly
        .GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Resource)) && !t.IsAbstract && t != typeof(UnknownResource)
                    && t.GetConstructor(Type.EmptyTypes) is not null)
        .ToFrozenDictionary(t => ((Resource)Activator.CreateInstance(t)!).ResourceType, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, string> NamesByType =
        TypesByName.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    public static IReadOnlyCollection<string> KnownTypeNames => TypesByName.Keys;

    public static Type? Resolve(string resourceType) => TypesByName.GetValueOrDefault(resourceType);

    public static string NameOf<TResource>() where TResource : Resource => NameOf(typeof(TResource));

    public static string NameOf(Type resourceClass) => NamesByType.TryGetValue(resourceClass, out var name)
        ? name
        : throw new ArgumentException($"{resourceClass.Name} is not a concrete FHIR resource class.", nameof(resourceClass));
}
