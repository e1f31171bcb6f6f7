using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Consultation.API.Application;
using Platform.Contracts.Consultation;
using Platform.Contracts.Payment;
using Platform.Testing;

namespace Consultation.Tests;

/// <summary>X08: offer/answer travel from one participant to the other only, and each side gets TURN credentials in
/// coturn's REST form that expire with the call.</summary>
public sealed class VideoCallTests(ConsultationFixture f) : IClassFixture<ConsultationFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Participants_exchange_offer_and_answer_and_get_short_lived_TURN_credentials_others_get_nothing()
    {
        var (patient, client) = f.NewPatient();
        var consultation = (await (await client.PostAsJsonAsync("/api/consultation/consultations",
            new { patientId = patient, practitionerId = ConsultationFixture.Doctor, kind = "text", complaint = "皮疹三天，想视频看看" }))
            .Content.ReadFromJsonAsync<ConsultationDto>())!;
        var url = $"/api/consultation/consultations/{consultation.Id}/call";
        var call = Guid.NewGuid();
        var doctor = f.DoctorClient();
        Assert.Equal(HttpStatusCode.Conflict,
            (await doctor.PostAsJsonAsync($"{url}/signal", new { kind = "offer", data = "v=0", callId = call })).StatusCode);

        await f.PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Consultation, consultation.Id, 2000, "图文咨询",
            DateTimeOffset.UtcNow));
        await Eventually.Until(() => client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{consultation.Id}"),
            c => c!.Status == "waiting", Wait, "paid");

        Assert.Equal(HttpStatusCode.NoContent, (await doctor.PostAsJsonAsync($"{url}/signal", new { kind = "offer", data = "v=0 offer", callId = call })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"{url}/signal", new { kind = "answer", data = "v=0 answer", callId = call })).StatusCode);
        var offer = await f.Published.UntilAsync<ConsultationSignalIntegrationEvent>(e => e.CallId == call && e.Kind == "offer", Wait);
        Assert.Equal(("doctor", ConsultationFixture.Doctor, patient), (offer.From, offer.PractitionerHisId, offer.PatientId));
        var answer = await f.Published.UntilAsync<ConsultationSignalIntegrationEvent>(e => e.CallId == call && e.Kind == "answer", Wait);
        Assert.Equal("patient", answer.From);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"{url}/signal", new { kind = "exec", data = "", callId = call })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await f.DoctorClient(ConsultationFixture.OtherDoctor).PostAsJsonAsync($"{url}/signal", new { kind = "offer", data = "x", callId = call })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.NewPatient().Client.GetAsync($"{url}/ice")).StatusCode);

        var ice = (await client.GetFromJsonAsync<JsonElement>($"{url}/ice")).GetProperty("iceServers");
        var turn = ice.EnumerateArray().Single(s => s.GetProperty("username").ValueKind == JsonValueKind.String);
        var username = turn.GetProperty("username").GetString()!;
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(username.Split(':')[0]));
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(31));
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(ConsultationFixture.TurnSecret), Encoding.UTF8.GetBytes(username)));
        Assert.Equal(expected, turn.GetProperty("credential").GetString());
        Assert.Contains(ice.EnumerateArray(), s => s.GetProperty("urls")[0].GetString() == "stun:127.0.0.1:3478");
    }
}
