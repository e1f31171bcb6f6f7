using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Notification;
using Acceptance.Tests.Scheduling;
using Platform.Testing;

namespace Acceptance.Tests.FollowUp;

/// <summary>What the FollowUp tests set up on the running stack: staff configuration through the admin API at the edge,
/// visits as Queue announces them on the stack's broker, and the SMS simulator's record of what phones received.</summary>
public static class FollowUpStack
{
    private static readonly HttpClient Sms = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static string Unique(string prefix) => $"{prefix}{Random.Shared.Next(100000, 999999)}";

    public static Task<JsonElement> StaffAsync(string token, HttpMethod method, string path, object? body = null) =>
        SchedulingStack.SendAsync(token, method, path, body);

    /// <summary>The complaints desk shows each account only its departments' complaints; the stack's administrator is the
    /// complaints office (all departments). Claiming it again as the office changes nothing.</summary>
    public static Task<JsonElement> ComplaintsOfficeAsync(string staff) =>
        StaffAsync(staff, HttpMethod.Post, "/api/followup/admin/staff/me/complaints-office");

    public static Task<JsonElement> AddContactAsync(string staff, string group, string name, string phone) =>
        StaffAsync(staff, HttpMethod.Post, "/api/followup/admin/contacts", new { group, name, phone });

    /// <summary>The doctor called the patient in at <paramref name="department"/>: Queue's event on the stack's broker.</summary>
    public static async Task VisitAsync(Guid patientId, string department)
    {
        var eventId = Guid.CreateVersion7();
        await StackBroker.PublishAsync("Platform.Contracts.Queue", "QueueCalledIntegrationEvent", eventId, new
        {
            id = eventId, occurredAt = DateTimeOffset.UtcNow, ticketId = Guid.NewGuid(), patientId, number = 7,
            departmentName = department, doctorName = "验收医生", location = "门诊楼2层", recall = false,
        });
    }

    /// <summary>The texts of SMS the simulator accepted for <paramref name="phone"/> that contain <paramref name="fragment"/>,
    /// waiting until one arrives.</summary>
    public static Task<List<string>> SmsContainingAsync(string phone, string fragment, TimeSpan? timeout = null) =>
        Eventually.Until(async () =>
        {
            var messages = await Sms.GetFromJsonAsync<JsonElement>($"{Simulators.SmsUrl}/$sim/messages?phone={Uri.EscapeDataString(phone)}");
            return messages.EnumerateArray().Select(m => m.GetProperty("content").GetString() ?? m.GetRawText())
                .Where(t => t.Contains(fragment)).ToList();
        }, texts => texts.Count > 0, timeout ?? TimeSpan.FromSeconds(60), $"SMS to {phone} containing {fragment}");
}
