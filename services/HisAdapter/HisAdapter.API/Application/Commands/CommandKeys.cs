namespace HisAdapter.API.Application.Commands;

public static class CommandKeys
{
    public static string Register(Guid patientId, Guid messageId) => $"register:{patientId}:{messageId}";
    public static string Update(Guid patientId, Guid messageId) => $"update:{patientId}:{messageId}";
    public static string Book(Guid appointmentId) => $"book:{appointmentId}";
    public static string Cancel(Guid appointmentId) => $"cancel:{appointmentId}";
    public static string StopSession(string sessionKey) => $"stop-session:{sessionKey}";
    public static string CloseSlots(Guid messageId) => $"close-slots:{messageId}";
    public static string ReopenSlots(Guid messageId) => $"reopen-slots:{messageId}";
    public static string AddSession(Guid requestId) => $"add-session:{requestId}";
    public static string Payment(Guid paymentId) => $"payment:{paymentId}";
    public static string ConsultationNote(Guid consultationId) => $"consultation-note:{consultationId}";
}

/// <summary>What a command must not overtake (<see cref="HisAdapter.API.Domain.HisCommand.OrderingKeys"/>).</summary>
public static class CommandOrder
{
    public static string[] Slots(IEnumerable<string> slotHisIds) => slotHisIds.Select(id => $"slot:{id}").Distinct().ToArray();
    public static string[] Slot(string slotHisId) => [$"slot:{slotHisId}"];
    public static string[] Patient(Guid patientId) => [$"patient:{patientId}"];
    public static string[] Appointment(Guid appointmentId) => [$"appointment:{appointmentId}"];
    public static string[] Session(string sessionKey) => [$"session:{sessionKey}"];
    public static string[] SessionRequest(Guid requestId) => [$"session-request:{requestId}"];
    /// <summary>A payment is keyed by what it pays (an Invoice or a deposit Account): two payments of one bill reach the
    /// HIS one after the other, so the second meets the first one's balance.</summary>
    public static string[] Payee(string resourceType, string hisId) => [$"{resourceType.ToLowerInvariant()}:{hisId}"];
}
