namespace Platform.Contracts.Queue;

/// <summary>A clinic queue moved (check-in, call, recall, skip, absent): the open pages of everyone in it refresh.
/// Ids only; <see cref="PatientIds"/> are the patients still waiting or being called; <see cref="PractitionerHisId"/> the
/// doctor who works the clinic, whose open 叫号 desk refreshes too.</summary>
public record QueueChangedIntegrationEvent(
    Guid QueueId, string Change, int? CallingNumber, int WaitingCount, IReadOnlyList<Guid> PatientIds, string? PractitionerHisId = null)
    : IntegrationEvent;

/// <summary>A patient is third in line (two ahead): time to walk to the clinic. Sent once per ticket. <paramref name="Kind"/>:
/// clinic, exam, blood or pharmacy (what the patient is told to come for).</summary>
public record QueueTurnNearIntegrationEvent(
    Guid TicketId, Guid PatientId, int Number, string DepartmentName, string DoctorName, string Location, int PeopleAhead,
    string Kind = "clinic") : IntegrationEvent;

/// <summary>The doctor (or, at an exam room or pharmacy window, staff) called (or recalled) the patient's number.</summary>
public record QueueCalledIntegrationEvent(
    Guid TicketId, Guid PatientId, int Number, string DepartmentName, string DoctorName, string Location, bool Recall,
    string Kind = "clinic") : IntegrationEvent;

/// <summary>R19: what to do before a booked exam (fasting, full bladder), sent once at the right moment before it.</summary>
public record ExamPreparationDueIntegrationEvent(
    Guid AppointmentId, Guid PatientId, string ItemName, string RoomName, string Location, DateTimeOffset StartsAt,
    string Preparation) : IntegrationEvent;

/// <summary>One drug of a dispensed prescription and how to take it, as the prescriber wrote it.</summary>
public record MedicationGuidanceLine(string DrugName, string DosageText, string Route);

/// <summary>R19: a prescription was dispensed: the pick-up number and window, and how to take each drug. Sent once per
/// pick-up ticket.</summary>
public record MedicationGuidanceIntegrationEvent(
    Guid TicketId, Guid PatientId, int PickupNumber, string Window, IReadOnlyList<MedicationGuidanceLine> Lines) : IntegrationEvent;
