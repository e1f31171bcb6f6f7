using System.Globalization;
using HisAdapter.API.Domain;

namespace HisAdapter.API.Application.Sync;

public sealed partial class ReferenceDataSync
{
    private const string MedicationMark = "$medications";

    /// <summary>Every linked patient's medications the first time (or when a consumer asked for everything again);
    /// afterwards only the patients whose prescriptions, dispenses or allergies were written since the last one. Not at
    /// every start: the mark covers what changed while the adapter was down, and reading every linked patient again (six
    /// HIS reads each) kept the HIS busy for many minutes after each restart once thousands were linked.</summary>
    private async Task<int> SyncMedicationsAsync(Dictionary<string, SyncMark> marks, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (republish || !marks.TryGetValue(MedicationMark, out var mark))
        {
            var published = await medications.SyncAsync(null, ct);
            SetMark(marks, now);
            return published;
        }
        var (patients, newest) = await medications.ChangedSinceAsync(mark.HighWater, ct);
        var count = await medications.SyncAsync(patients, ct);
        if (newest is { } at) SetMark(marks, at > now ? now : at);
        return count;
    }

    private void SetMark(Dictionary<string, SyncMark> marks, DateTimeOffset at)
    {
        var value = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        if (marks.TryGetValue(MedicationMark, out var mark))
        {
            mark.HighWater = value;
            mark.UpdatedAt = clock.GetUtcNow();
            return;
        }
        var added = new SyncMark { ResourceType = MedicationMark, HighWater = value, UpdatedAt = clock.GetUtcNow() };
        marks[MedicationMark] = added;
        db.SyncMarks.Add(added);
    }
}
