using System.Text.Json;
using Hospital.API.Domain.Navigation;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hospital.API.Infrastructure.EntityConfigurations;

/// <summary>A floor's walkway is read and replaced whole with the floor map, so it lives in one jsonb column.</summary>
internal static class WalkwayJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<Walkway, string> Converter = new(
        w => JsonSerializer.Serialize(w, Options),
        s => JsonSerializer.Deserialize<Walkway>(s, Options) ?? Walkway.Empty);

    public static readonly ValueComparer<Walkway> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        w => JsonSerializer.Serialize(w, Options).GetHashCode(),
        w => JsonSerializer.Deserialize<Walkway>(JsonSerializer.Serialize(w, Options), Options)!);
}
