using System.Net;
using System.Net.Http.Json;
using Consultation.API.Application;
using Platform.Contracts.Consultation;
using Platform.Contracts.Payment;
using Platform.Testing;

namespace Consultation.Tests;

/// <summary>B01 图文咨询: a paid consultation reaches the doctor; text and images go both ways with numbered messages and
/// read receipts; photos lose their metadata and are served only through short-lived signed links; the doctor ends it
/// with a summary.</summary>
public sealed class ChatTests(ConsultationFixture f) : IClassFixture<ConsultationFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private async Task<(Guid Patient, HttpClient Client, ConsultationDto Consultation)> PaidConsultationAsync()
    {
        var (patient, client) = f.NewPatient();
        var created = await client.PostAsJsonAsync("/api/consultation/consultations",
            new { patientId = patient, practitionerId = ConsultationFixture.Doctor, kind = "text", complaint = "最近一周血压160/100，头晕" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var consultation = (await created.Content.ReadFromJsonAsync<ConsultationDto>())!;
        await f.PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Consultation, consultation.Id, 2000,
            "图文咨询", DateTimeOffset.UtcNow));
        consultation = await Eventually.Until(() => client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{consultation.Id}"),
            c => c!.Status == "waiting", Wait, "paid");
        return (patient, client, consultation!);
    }

    [Fact]
    public async Task A_consultation_waits_for_its_fee_then_text_and_images_flow_both_ways_with_read_receipts_until_the_doctor_ends_it()
    {
        var (patient, client) = f.NewPatient();
        var photo = await client.PostAsync("/api/consultation/media", TestImages.Form(TestImages.JpegWithExif(), "舌苔.jpg", "image/jpeg"));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        var attached = (await photo.Content.ReadFromJsonAsync<ImageDto>())!;
        var created = await client.PostAsJsonAsync("/api/consultation/consultations", new
        {
            patientId = patient, practitionerId = ConsultationFixture.Doctor, kind = "text", complaint = "血压偏高，想咨询用药", attachmentIds = new[] { attached.Id },
        });
        var consultation = (await created.Content.ReadFromJsonAsync<ConsultationDto>())!;
        Assert.Equal("awaiting-payment", consultation.Status);
        Assert.Single(consultation.Attachments);
        var asked = await f.Published.UntilAsync<PaymentRequestedIntegrationEvent>(e => e.OrderId == consultation.Id, Wait);
        Assert.Equal((OrderKinds.Consultation, 2000L, patient), (asked.OrderKind, asked.AmountFen, asked.PatientId));

        var early = await client.PostAsJsonAsync($"/api/consultation/consultations/{consultation.Id}/messages", new { text = "在吗" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var doctor = f.DoctorClient();
        Assert.DoesNotContain((await doctor.GetFromJsonAsync<List<ConsultationDto>>("/api/consultation/doctor/consultations"))!,
            c => c.Id == consultation.Id);

        var paid = new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Consultation, consultation.Id, 2000, "图文咨询", DateTimeOffset.UtcNow);
        await f.PublishAsync(paid);
        await f.PublishAsync(paid);
        var queue = await Eventually.Until(() => doctor.GetFromJsonAsync<List<ConsultationDto>>("/api/consultation/doctor/consultations"),
            q => q!.Any(c => c.Id == consultation.Id), Wait, "in the doctor's queue");
        Assert.Equal("waiting", queue!.Single(c => c.Id == consultation.Id).Status);
        await f.Published.UntilAsync<ConsultationPaidIntegrationEvent>(e => e.ConsultationId == consultation.Id, Wait);

        var mine = await Post(client, consultation.Id, new { text = "医生您好，早上量的是160/100" });
        var reply = await doctor.PostAsync("/api/consultation/media",
            TestImages.Form(TestImages.JpegWithExif(120, 80), "reply.jpg", "image/jpeg", consultation.Id));
        var replyImage = (await reply.Content.ReadFromJsonAsync<ImageDto>())!;
        var answer = await Post(doctor, consultation.Id, new { text = "请看这张血压记录表，按表记录一周", mediaId = replyImage.Id });
        Assert.True(answer.Seq > mine.Seq);
        Assert.Equal("in-progress", (await client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{consultation.Id}"))!.Status);

        // A page that reconnects asks for what came after the last number it holds.
        var missed = (await client.GetFromJsonAsync<List<MessageDto>>($"/api/consultation/consultations/{consultation.Id}/messages?after={mine.Seq}"))!;
        var received = Assert.Single(missed);
        Assert.Equal("doctor", received.Sender);
        Assert.NotNull(received.Image);
        var doctorView = (await doctor.GetFromJsonAsync<List<MessageDto>>($"/api/consultation/consultations/{consultation.Id}/messages"))!;
        Assert.False(doctorView.Single(m => m.Seq == answer.Seq).ReadByOther);
        (await client.PostAsJsonAsync($"/api/consultation/consultations/{consultation.Id}/read", new { seq = answer.Seq })).EnsureSuccessStatusCode();
        doctorView = (await doctor.GetFromJsonAsync<List<MessageDto>>($"/api/consultation/consultations/{consultation.Id}/messages"))!;
        Assert.True(doctorView.Single(m => m.Seq == answer.Seq).ReadByOther);
        await f.Published.UntilAsync<ConsultationChangedIntegrationEvent>(
            e => e.ConsultationId == consultation.Id && e.Change == "read" && e.PractitionerHisId == ConsultationFixture.Doctor, Wait);

        // Both sides load the image through the signed link; the photo's EXIF never reaches anyone.
        var anonymous = f.Anonymous();
        var bytes = await anonymous.GetByteArrayAsync(received.Image!.Url);
        Assert.Equal([0xFF, 0xD8], bytes.Take(2));
        Assert.False(TestImages.Contains(bytes, TestImages.Secret));
        Assert.False(TestImages.Contains(bytes, "Exif"));
        var attachmentBytes = await anonymous.GetByteArrayAsync(consultation.Attachments[0].Url);
        Assert.False(TestImages.Contains(attachmentBytes, TestImages.Secret));
        var forged = received.Image.Url[..^3] + "AAA";
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(forged)).StatusCode);

        var noSummary = await doctor.PostAsJsonAsync($"/api/consultation/doctor/consultations/{consultation.Id}/end", new { summary = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noSummary.StatusCode);
        var ended = await doctor.PostAsJsonAsync($"/api/consultation/doctor/consultations/{consultation.Id}/end",
            new { summary = "高血压2级，建议低盐饮食，继续服用氨氯地平，两周后门诊复查" });
        ended.EnsureSuccessStatusCode();
        var final = (await client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{consultation.Id}"))!;
        Assert.Equal(("ended", "doctor"), (final.Status, final.EndedBy));
        Assert.Contains("氨氯地平", final.Summary);
        await f.Published.UntilAsync<ConsultationEndedIntegrationEvent>(e => e.ConsultationId == consultation.Id && e.EndedBy == "doctor", Wait);
        var late = await client.PostAsJsonAsync($"/api/consultation/consultations/{consultation.Id}/messages", new { text = "谢谢" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Single(f.Published.Of<ConsultationPaidIntegrationEvent>(), e => e.ConsultationId == consultation.Id);
    }

    [Fact]
    public async Task Only_the_patient_and_the_booked_doctor_see_a_consultation()
    {
        var (_, _, consultation) = await PaidConsultationAsync();
        var stranger = f.NewPatient().Client;
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/consultation/consultations/{consultation.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/consultation/consultations/{consultation.Id}/messages")).StatusCode);
        var otherDoctor = f.DoctorClient(ConsultationFixture.OtherDoctor);
        Assert.Equal(HttpStatusCode.NotFound, (await otherDoctor.PostAsJsonAsync($"/api/consultation/consultations/{consultation.Id}/messages",
            new { text = "你好" })).StatusCode);
        Assert.Empty((await otherDoctor.GetFromJsonAsync<List<ConsultationDto>>("/api/consultation/doctor/consultations"))!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Anonymous().GetAsync($"/api/consultation/consultations/{consultation.Id}")).StatusCode);
    }

    [Fact]
    public async Task Files_that_are_not_images_or_too_large_are_refused_and_change_nothing()
    {
        var (_, client, consultation) = await PaidConsultationAsync();
        var script = System.Text.Encoding.UTF8.GetBytes("<script>alert(1)</script>");
        var refused = await client.PostAsync("/api/consultation/media", TestImages.Form(script, "photo.jpg", "image/jpeg", consultation.Id));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Equal("unsupported_media", (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString());
        var truncated = TestImages.JpegWithExif().Take(60).ToArray();
        var broken = await client.PostAsync("/api/consultation/media", TestImages.Form(truncated, "photo.jpg", "image/jpeg", consultation.Id));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        var huge = new byte[6 * 1024 * 1024];
        TestImages.JpegWithExif().CopyTo(huge, 0);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge,
            (await client.PostAsync("/api/consultation/media", TestImages.Form(huge, "big.jpg", "image/jpeg", consultation.Id))).StatusCode);
        var bomb = await client.PostAsync("/api/consultation/media", TestImages.Form(TestImages.PngClaiming(20_000, 20_000), "x.png", "image/png", consultation.Id));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bomb.StatusCode);
        Assert.Equal("image_too_many_pixels", (await bomb.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString());
        var messages = (await client.GetFromJsonAsync<List<MessageDto>>($"/api/consultation/consultations/{consultation.Id}/messages"))!;
        Assert.All(messages, m => Assert.Null(m.Image));
        var someoneElses = await client.PostAsJsonAsync($"/api/consultation/consultations/{consultation.Id}/messages", new { mediaId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
    }

    [Fact]
    public async Task A_voice_note_recorded_in_the_browser_is_sent_and_played_back_and_a_long_one_is_refused()
    {
        var (_, client, consultation) = await PaidConsultationAsync();
        var uploaded = await client.PostAsync("/api/consultation/media", TestImages.Form(TestImages.WebmVoice(4000), "voice.webm", "audio/webm", consultation.Id));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var voice = (await uploaded.Content.ReadFromJsonAsync<MediaDto>())!;
        Assert.Equal(("voice", "audio/webm"), (voice.Kind, voice.ContentType));
        var sent = await Post(client, consultation.Id, new { mediaId = voice.Id });
        Assert.NotNull(sent.Voice);
        Assert.Null(sent.Image);
        var listed = (await f.DoctorClient().GetFromJsonAsync<List<MessageDto>>($"/api/consultation/consultations/{consultation.Id}/messages?after={sent.Seq - 1}"))!;
        var heard = Assert.Single(listed).Voice!;
        var played = await f.Anonymous().GetAsync(heard.Url);
        Assert.Equal("audio/webm", played.Content.Headers.ContentType!.MediaType);
        Assert.Equal(4000, (await played.Content.ReadAsByteArrayAsync()).Length);

        var tooLong = await client.PostAsync("/api/consultation/media", TestImages.Form(TestImages.WebmVoice(2 * 1024 * 1024), "long.webm", "audio/webm", consultation.Id));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
        Assert.Equal("voice_too_long", (await tooLong.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString());
    }

    private static async Task<MessageDto> Post(HttpClient client, Guid id, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/consultation/consultations/{id}/messages", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MessageDto>())!;
    }
}
