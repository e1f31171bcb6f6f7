using System.Net.Http.Json;
using Microsoft.Extensions.Caching.Memory;

namespace Queue.API.Application.Itinerary;

/// <summary>A place on the hospital's indoor map, as Hospital's place search returns it.</summary>
public sealed record MapPlaceRef(string Id, string Name, string Kind, string Campus, string Building, int Floor, string Where);

public interface IPlaceDirectory
{
    /// <summary>Places matching what patients would type, best first; empty when Hospital cannot be reached.</summary>
    Task<IReadOnlyList<MapPlaceRef>> SearchAsync(string query, CancellationToken ct);
}

/// <summary>Hospital's public place search, each query kept ten minutes: queue rooms and their map places change rarely,
/// and an itinerary asks for a handful of them on every refresh.</summary>
public sealed class HospitalPlaces(HttpClient http, IMemoryCache cache, ILogger<HospitalPlaces> logger) : IPlaceDirectory
{
    public async Task<IReadOnlyList<MapPlaceRef>> SearchAsync(string query, CancellationToken ct)
    {
        var key = $"places:{query}";
        if (cache.TryGetValue(key, out IReadOnlyList<MapPlaceRef>? cached)) return cached!;
        try
        {
            var found = await http.GetFromJsonAsync<List<MapPlaceRef>>($"api/hospital/navigation/places?q={Uri.EscapeDataString(query)}", ct) ?? [];
            cache.Set(key, (IReadOnlyList<MapPlaceRef>)found, TimeSpan.FromMinutes(10));
            return found;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Remembered briefly: the itinerary still shows every step, by its room's name, without a map link.
            logger.LogWarning("Hospital's place search is unreachable for the itinerary: {Error}", e.Message);
            cache.Set(key, (IReadOnlyList<MapPlaceRef>)[], TimeSpan.FromSeconds(30));
            return [];
        }
    }
}
