using Queue.API.Domain;

namespace Queue.API.Application.Itinerary;

/// <summary>Finds a queue's spot on the indoor map from what Queue knows of it: a clinic by its department, an exam room by
/// its name or the last word of its location (门诊采血处), a pharmacy window by its name; a campus named in the location
/// keeps the search on that campus. Payment goes to the window nearest the clinic.</summary>
public sealed class ItineraryPlaces(IPlaceDirectory directory)
{
    public async Task<MapPlaceRef?> ForQueueAsync(ClinicQueue queue, CancellationToken ct)
    {
        var tail = queue.Location.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var queries = queue.Kind switch
        {
            QueueKind.Clinic => [queue.DepartmentName],
            QueueKind.Pharmacy => [queue.DoctorName, "取药"],
            QueueKind.BloodDraw => [queue.DoctorName, tail, "采血"],
            _ => new[] { queue.DoctorName, tail },
        };
        foreach (var query in queries.Where(q => q.Length > 0 && !q.All(char.IsAsciiDigit)))
        {
            var found = (await directory.SearchAsync(query, ct)).Where(p => p.Kind is not ("lift" or "toilet")).ToList();
            var onCampus = found.Where(p => queue.Location.Contains(p.Campus, StringComparison.Ordinal)).ToList();
            if ((onCampus.Count > 0 ? onCampus : found).FirstOrDefault() is { } place) return place;
        }
        return null;
    }

    public async Task<MapPlaceRef?> PaymentNearAsync(MapPlaceRef? near, CancellationToken ct)
    {
        var windows = (await directory.SearchAsync("缴费", ct)).Where(p => p.Kind == "payment").ToList();
        if (near is null) return windows.FirstOrDefault();
        return windows.Where(p => p.Campus == near.Campus)
            .OrderBy(p => p.Building == near.Building ? 0 : 1).ThenBy(p => Math.Abs(p.Floor - near.Floor)).FirstOrDefault()
            ?? windows.FirstOrDefault();
    }
}
