using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;

namespace Queue.API.Application;

/// <summary>Remaining slots per department today, read from Scheduling's public catalogue (the same one the booking pages
/// read) and kept for half a minute, so a busy 候诊信息 page or display board costs Scheduling one read per interval.
/// Null when Scheduling cannot be reached: the page says so instead of failing.</summary>
public sealed class SchedulingCatalogue(HttpClient http, IMemoryCache cache, TimeProvider clock, ILogger<SchedulingCatalogue> logger)
{
    private const string Key = "remaining-today";
    private const string UnreachableKey = "remaining-today-unreachable";

    public sealed record DepartmentSlots(string Name, int Remaining);

    public async Task<List<DepartmentSlots>?> RemainingTodayAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(Key, out List<DepartmentSlots>? cached)) return cached;
        if (cache.TryGetValue(UnreachableKey, out _)) return null;
        try
        {
            var today = ClinicDay.Of(clock.GetUtcNow());
            var departments = await http.GetFromJsonAsync<JsonElement>("api/scheduling/departments", ct);
            var result = new List<DepartmentSlots>();
            foreach (var d in departments.EnumerateArray())
            {
                var schedule = await http.GetFromJsonAsync<JsonElement>($"api/scheduling/schedule?departmentId={d.GetProperty("id").GetGuid()}&days=1", ct);
                var remaining = schedule.GetProperty("days").EnumerateArray()
                    .Where(day => DateOnly.Parse(day.GetProperty("date").GetString()!) == today)
                    .SelectMany(day => day.GetProperty("sessions").EnumerateArray())
                    .Sum(s => s.GetProperty("remaining").GetInt32());
                result.Add(new DepartmentSlots(d.GetProperty("name").GetString()!, remaining));
            }
            cache.Set(Key, result, TimeSpan.FromSeconds(30));
            return result;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Remember the failure briefly, so every visitor does not wait out the retries again.
            cache.Set(UnreachableKey, true, TimeSpan.FromSeconds(15));
            logger.LogWarning("Scheduling's catalogue is unreachable for 候诊信息: {Error}", e.Message);
            return null;
        }
    }
}
