using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Contracts.Inpatient;
using Platform.Contracts.Payment;
using Platform.Contracts.Pharmacy;
using Platform.Contracts.Reports;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Notification.Tests;

[Collection(NotificationCollection.Name)]
public sealed class MessagePipelineTests(NotificationFixture fixture)
{
    private static readonly DateTimeOffset Tomorrow = DateTimeOffset.UtcNow.Date.AddDays(1).AddHours(1);

    public static IEnumerable<(IntegrationEvent Event, string Category, string Title, string Link, string Severity)> EventsFor(Guid patient)
    {
        var appointment = Guid.NewGuid();
        var payment = Guid.NewGuid();
        var report = Guid.NewGuid();
        yield return (new AppointmentBookedIntegrationEvent(appointment, patient, "心血管内科", "王医生", "门诊楼3楼A区", Tomorrow,
            Tomorrow.AddMinutes(30), true), "appointment", "预约成功", $"/appointments/{appointment}", "normal");
        yield return (new AppointmentCancelledIntegrationEvent(appointment, patient, "心血管内科", "王医生", Tomorrow, "患者主动取消"),
            "appointment", "预约已取消", $"/appointments/{appointment}", "important");
        yield return (new ClinicStoppedIntegrationEvent("S-1", "皮肤科", "李医生", Tomorrow, Tomorrow.AddHours(4), "医生临时外出会诊",
            [patient]), "clinic-stopped", "停诊通知", "/appointments", "important");
        // Named twice (two exams cancelled): told once.
        yield return (new ExamRoomOutageIntegrationEvent(Guid.NewGuid(), "CT室", "医技楼1楼", Tomorrow, Tomorrow.AddHours(4), "球管故障",
            [patient, patient]), "clinic-stopped", "检查设备故障通知", "/exams", "important");
        yield return (new PaymentSucceededIntegrationEvent(payment, patient, "registration", appointment, 5000, "挂号费", DateTimeOffset.UtcNow),
            "payment", "支付成功", $"/payments/{payment}", "normal");
        yield return (new PaymentRefundedIntegrationEvent(payment, patient, "registration", appointment, 5000, "停诊退款"),
            "payment", "退款成功", $"/payments/{payment}", "normal");
        yield return (new ReportReadyIntegrationEvent(report, patient, "HIS-R-1", "检验", "血常规", DateTimeOffset.UtcNow),
            "report", "报告已出", $"/reports/{report}", "normal");
        yield return (new CriticalValueDetectedIntegrationEvent(patient, "HIS-R-2", "血钾", "6.8", "mmol/L", "3.5-5.3", DateTimeOffset.UtcNow),
            "critical-value", "危急值提醒", "/reports/critical/HIS-R-2", "critical");
        yield return (new PatientAdmittedIntegrationEvent(patient, "E-1", "心内科一病区", "12床", DateTimeOffset.UtcNow),
            "inpatient", "入院登记完成", "/inpatient/E-1", "normal");
        yield return (new BedChangedIntegrationEvent(patient, "E-1", "心内科二病区", "3床", DateTimeOffset.UtcNow),
            "inpatient", "床位变更", "/inpatient/E-1", "normal");
        yield return (new PatientDischargedIntegrationEvent(patient, "E-1", DateTimeOffset.UtcNow, true),
            "inpatient", "出院通知", "/inpatient/E-1", "normal");
        yield return (new SurgeryScheduledIntegrationEvent(patient, "P-1", "冠状动脉造影", Tomorrow, "外科楼5楼手术室"),
            "surgery", "手术安排通知", "/inpatient/surgeries/P-1", "important");
        yield return (new MedicineReadyForPickupIntegrationEvent(patient, "RX-1", "门诊西药房3号窗口", DateTimeOffset.UtcNow),
            "pharmacy", "取药提醒", "/pharmacy/RX-1", "normal");
    }

    [Fact]
    public async Task Each_event_becomes_the_right_message_for_the_accounts_of_that_patient_only()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid(), otherAccount = Guid.NewGuid(), otherPatient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        await fixture.RegisterPatientAsync(otherAccount, otherPatient, NotificationFixture.NewPhone());
        var expected = EventsFor(patient).ToList();

        foreach (var (e, _, _, _, _) in expected) await fixture.PublishAsync(e);
        foreach (var (e, _, _, _, _) in expected) await fixture.WaitForMessageAsync(e.Id, account);

        var page = await fixture.MessagesPageAsync(account, "?limit=50");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected.Count, items.Count);
        foreach (var (e, category, title, link, severity) in expected)
        {
            Assert.Equal(1, await fixture.MessagesFor(e.Id));
            var item = Assert.Single(items, i => i.GetProperty("link").GetString() == link && i.GetProperty("title").GetString() == title);
            Assert.Equal(category, item.GetProperty("category").GetString());
            Assert.Equal(severity, item.GetProperty("severity").GetString());
            Assert.Equal(patient, item.GetProperty("patientId").GetGuid());
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", item.GetProperty("body").GetString());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("readAt").ValueKind);
        }
        var other = await fixture.MessagesPageAsync(otherAccount);
        Assert.Empty(other.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Every_account_acting_for_the_patient_is_told()
    {
        Guid mother = Guid.NewGuid(), father = Guid.NewGuid(), child = Guid.NewGuid();
        await fixture.RegisterPatientAsync(mother, child, NotificationFixture.NewPhone(), "小明");
        await fixture.RegisterPatientAsync(father, child, NotificationFixture.NewPhone(), "小明");

        var e = new ReportReadyIntegrationEvent(Guid.NewGuid(), child, "HIS-R-9", "检验", "尿常规", DateTimeOffset.UtcNow);
        await fixture.PublishAsync(e);
        await fixture.WaitForMessageAsync(e.Id, mother);
        await fixture.WaitForMessageAsync(e.Id, father);
        Assert.Equal(2, await fixture.MessagesFor(e.Id));
    }

    [Fact]
    public async Task The_same_event_delivered_three_times_makes_one_message()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        var e = new MedicineReadyForPickupIntegrationEvent(patient, "RX-dup", "门诊中药房1号窗口", DateTimeOffset.UtcNow);

        using var watch = new ConsumeWatch();
        for (var i = 0; i < 3; i++) await fixture.PublishAsync(e);
        await watch.UntilFinishedAsync(e.Id, "MedicineReadyForPickupConsumer", copies: 3);

        Assert.Equal(1, await fixture.MessagesFor(e.Id));
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE m.source_event_id = '{e.Id}' AND d.channel = 'in-app'"));
        var unread = await fixture.Client(account).GetFromJsonAsync<JsonElement>("/api/notification/messages/unread-count");
        Assert.Equal(1, unread.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Events_about_unknown_patients_make_no_messages()
    {
        var e = new ReportReadyIntegrationEvent(Guid.NewGuid(), Guid.NewGuid(), "HIS-R-x", "检查", "胸部CT", DateTimeOffset.UtcNow);
        await fixture.PublishAsync(e);
        await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM inbox_messages WHERE message_id = '{e.Id}'"),
            n => n == 1, what: "event handled");
        Assert.Equal(0, await fixture.MessagesFor(e.Id));
    }
}
