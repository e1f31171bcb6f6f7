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
}
