using Hl7.Fhir.Utility;
using HisAdapter.API.Domain;
using Platform.Contracts.His;

namespace HisAdapter.API.Application.Sync;

public static class SlotMapper
{
    public static SyncedSlot? ToSynced(Slot slot)
    {
        if (slot.Id is null || slot.Schedule?.IdFor("Schedule") is not { } schedule || slot.Start is not { } start || slot.End is not { } end)
            return null;
        var startsAt = start;
        var status = slot.Status is { } known ? known.GetLiteral() : "free";
        var version = slot.Meta?.VersionId ?? "";
        return new SyncedSlot
        {
            HisId = slot.Id,
            ScheduleHisId = schedule,
            Day = DateOnly.FromDateTime(startsAt.ToOffset(HisSystems.Shanghai).DateTime),
            StartAt = startsAt.ToUniversalTime(),
            EndAt = end.ToUniversalTime(),
            Status = status,
            VersionId = version,
            Hash = ContentHash.Of($"{schedule}|{startsAt:O}|{end:O}|{status}"),
        };
    }

    public static HisSlot ToContract(SyncedSlot s) =>
        new(s.HisId, s.StartAt.ToOffset(HisSystems.Shanghai), s.EndAt.ToOffset(HisSystems.Shanghai), s.Status, s.VersionId);

    /// <summary>An exam room's schedule: a Location actor and an exam-service type, no practitioner; null otherwise.</summary>
    public static ExamRoomSchedule? ExamRoom(Schedule? schedule)
    {
        if (schedule is null || schedule.Actor.Any(a => a.IdFor("Practitioner") is not null)) return null;
        var service = schedule.ServiceType.SelectMany(t => t.Coding).FirstOrDefault(c => c.System == HisSystems.ExamService);
        var room = schedule.Actor.Select(a => a.IdFor("Location")).FirstOrDefault(id => id is not null);
        if (service?.Code is null || room is null) return null;
        var department = schedule.ServiceType.SelectMany(t => t.Coding).FirstOrDefault(c => c.System == HisSystems.Department)?.Code ?? "";
        return new ExamRoomSchedule(room, service.Code, service.Display ?? service.Code, department);
    }

    /// <summary>The practitioner and department code of a Schedule (actor Practitioner, serviceType department).</summary>
    public static (string PractitionerId, string DepartmentCode) Owner(Schedule? schedule) =>
        (schedule?.Actor.Select(a => a.IdFor("Practitioner")).FirstOrDefault(id => id is not null) ?? "",
         schedule?.ServiceType.SelectMany(t => t.Coding).FirstOrDefault(c => c.System == HisSystems.Department)?.Code ?? "");
}

public sealed record ExamRoomSchedule(string RoomId, string ServiceCode, string ServiceName, string DepartmentCode);
