using Platform.Testing;

namespace Acceptance.Tests.Notification;

/// <summary>Identity's PatientRegistered and binding events reach Notification through the broker; a message published
/// before they land has nobody to go to. Tests wait on these before publishing.</summary>
public static class NotificationKnows
{
    public static Task PatientAsync(Guid accountId, Guid patientId) => Eventually.Until(() => StackDatabase.ScalarAsync("notification",
            $"SELECT count(*) FROM patient_accounts WHERE patient_id = '{patientId}' AND account_id = '{accountId}'"),
        n => n == 1, what: "the patient known to Notification");

    /// <param name="table"><c>wechat_bindings</c> (service account) or <c>miniprogram_bindings</c>.</param>
    public static Task BindingAsync(string table, Guid accountId) => Eventually.Until(() => StackDatabase.ScalarAsync("notification",
            $"SELECT count(*) FROM {table} WHERE account_id = '{accountId}'"),
        n => n == 1, what: $"the {table} row known to Notification");
}
