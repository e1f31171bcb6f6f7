using Queue.API.Application.Itinerary;

namespace Queue.Tests;

/// <summary>Hospital's place search, standing in for the indoor map: every name is a place whose id is <c>map-</c> and the
/// name searched; 缴费 finds the main building's payment window.</summary>
internal sealed class FakePlaceDirectory : IPlaceDirectory
{
    public Task<IReadOnlyList<MapPlaceRef>> SearchAsync(string query, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MapPlaceRef>>(query == "缴费"
            ? [new MapPlaceRef("main-mzl-1-payment", "挂号收费处", "payment", "本部院区", "门诊楼", 1, "本部院区 门诊楼 1F")]
            : [new MapPlaceRef($"map-{query}", query, "department", "本部院区", "门诊楼", 2, "本部院区 门诊楼 2F")]);
}
