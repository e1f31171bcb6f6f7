using Hl7.Fhir.Rest;
using Platform.Contracts.His;
using Platform.Fhir.Client;
using Platform.Fhir.Search;
using Platform.Fhir.Validation;
using Platform.Messaging.Outbox;
using HisAdapter.API.Application.Sync;

namespace HisAdapter.API.Application.Commands;

/// <summary>Staff's 加诊 at the HIS: one transaction Bundle creates the Schedule (carrying the platform's request id) and
/// its free Slots, all or nothing. A retry after a lost answer finds the Schedule by that id instead of creating a second.
/// The HIS's refusal (a clash with the doctor's timetable, an unknown doctor) goes back to staff in its own words; the
/// new slots reach Scheduling through the normal slot sync, which is nudged at once.</summary>
public sealed class AddSessionHandler(FhirClient his, IIntegrationEventOutbox outbox, SyncTrigger sync)
{
    public async Task<CommandOutcome> HandleAsync(AddSessionCommand command, CancellationToken ct)
    {
        var identifier = new SearchParams().AddIdentifier(HisSystems.PlatformSessionRequest, command.RequestId.ToString());
        if ((await his.SearchAsync<Schedule>(identifier, ct)).Matches<Schedule>().FirstOrDefault() is { Id: { } existing })
        {
            var slots = await his.SearchAsync<Slot>(new SearchParams().AddReference("schedule", "Schedule", existing).Add("_count", "500"), ct);
            return Added(command, existing, slots.Matches<Slot>().Select(s => s.Id!).ToList());
        }

        Bundle answer;
        try
        {
            answer = await his.TransactionAsync(SessionBundle.For(command), ct: ct)
                ?? throw new InvalidOperationException("The HIS answered the transaction without a Bundle");
        }
        catch (FhirOperationException ex) when (!HisFailure.IsTransient(ex))
        {
            return Refused(command, ReasonOf(ex.Outcome) ?? $"医院系统拒绝了加诊（{(int)ex.Status}）");
        }
        catch (FhirResourceInvalidException)
        {
            return Refused(command, "加诊数据未通过 FHIR 校验，未发送至医院");
        }
        var created = answer.Entry.Select(e => e.Response?.Location).OfType<string>().Select(l => new ResourceReference(l)).ToList();
        var schedule = created.Select(r => r.IdFor("Schedule")).FirstOrDefault(id => id is not null)
            ?? throw new InvalidOperationException("The HIS's transaction answer names no Schedule");
        sync.Nudge();
        return Added(command, schedule, created.Select(r => r.IdFor("Slot")).OfType<string>().ToList());
    }

    private CommandOutcome Added(AddSessionCommand command, string scheduleId, List<string> slotIds)
    {
        outbox.Add(new HisSessionAddedIntegrationEvent(command.RequestId, scheduleId, slotIds));
        return CommandOutcome.Done;
    }

    private CommandOutcome Refused(AddSessionCommand command, string reason)
    {
        outbox.Add(new HisSessionAddRefusedIntegrationEvent(command.RequestId, reason));
        return CommandOutcome.Refused(reason);
    }

    private static string? ReasonOf(OperationOutcome? outcome) =>
        outcome?.Issue.Select(i => i.Diagnostics ?? i.Details?.Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
}

/// <summary>The transaction that creates an added session: the Schedule (practitioner, department, the half-day as its
/// planning horizon) and its consecutive free Slots, which reference it by its urn:uuid until the HIS assigns ids.</summary>
public static class SessionBundle
{
    public static Bundle For(AddSessionCommand command)
    {
        var start = command.StartsAt.ToOffset(HisSystems.Shanghai);
        var end = start.AddMinutes(command.SlotMinutes * command.Units);
        var label = command.Period == "AM" ? "上午" : "下午";
        var service = new CodeableConcept(HisSystems.Department, command.DepartmentCode);
        var scheduleUrn = $"urn:uuid:{Guid.NewGuid()}";
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        bundle.Entry.Add(Post(scheduleUrn, new Schedule
        {
            Identifier = [new Identifier(HisSystems.PlatformSessionRequest, command.RequestId.ToString())],
            Active = true,
            ServiceType = [service],
            Actor = [FhirHelpers.Ref("Practitioner", command.PractitionerHisId)],
            PlanningHorizon = new Period(new FhirDateTime(start), new FhirDateTime(end)),
            Comment = $"加诊 {command.Date:yyyy-MM-dd} {label}",
        }));
        for (var i = 0; i < command.Units; i++)
        {
            var from = start.AddMinutes(i * command.SlotMinutes);
            var to = from.AddMinutes(command.SlotMinutes);
            bundle.Entry.Add(Post($"urn:uuid:{Guid.NewGuid()}", new Slot
            {
                Schedule = new ResourceReference(scheduleUrn),
                Status = Slot.SlotStatus.Free,
                ServiceType = [service],
                Start = from,
                End = to,
                Comment = $"加诊 {label} {from:HH:mm}-{to:HH:mm}",
            }));
        }
        return bundle;
    }

    private static Bundle.EntryComponent Post(string fullUrl, Resource resource) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
    };
}
