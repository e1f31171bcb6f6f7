using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Identity;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Hospital.Tests;

public sealed class EducationRecommendationTests(HospitalServiceFixture fixture) : IClassFixture<HospitalServiceFixture>
{
    private HttpClient Patient(Guid account)
    {
        var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("patient", account.ToString()));
        return client;
    }

    [Fact]
    public async Task A_patients_booked_departments_lead_the_recommendations_and_other_accounts_see_none_of_them()
    {
        var account = Guid.NewGuid();
        var patient = Guid.NewGuid();
        var registered = new PatientRegisteredIntegrationEvent(patient, account);
        var booked = new AppointmentBookedIntegrationEvent(Guid.NewGuid(), patient, "内分泌科", "李医生", "门诊楼5楼",
            DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(1).AddMinutes(15), true);
        using var watch = new ConsumeWatch();
        await TestBus.PublishAsync(fixture.VirtualHost.AmqpUri, ctx => ctx.MessageId = ctx.Message.Id, registered);
        await TestBus.PublishAsync(fixture.VirtualHost.AmqpUri, ctx => ctx.MessageId = ctx.Message.Id, booked);
        await watch.UntilFinishedAsync(registered.Id, "PatientRegisteredConsumer", copies: 1);
        await watch.UntilFinishedAsync(booked.Id, "AppointmentBookedConsumer", copies: 1);

        var mine = await Patient(account).GetFromJsonAsync<JsonElement>("/api/hospital/education/recommendations");
        var first = mine[0];
        Assert.Equal("内分泌科", first.GetProperty("article").GetProperty("specialty").GetString());
        Assert.Equal("您曾预约内分泌科", first.GetProperty("reason").GetString());

        var other = await Patient(Guid.NewGuid()).GetFromJsonAsync<JsonElement>("/api/hospital/education/recommendations");
        Assert.DoesNotContain(other.EnumerateArray(), r => r.GetProperty("reason").GetString()!.StartsWith("您曾预约"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Service.CreateClient().GetAsync("/api/hospital/education/recommendations")).StatusCode);
    }
}
