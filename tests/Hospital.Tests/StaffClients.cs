using System.Net.Http.Headers;
using Platform.Testing;

namespace Hospital.Tests;

/// <summary>Two distinct staff members (editor and reviewer) for the two-person rule.</summary>
internal static class StaffClients
{
    public static HttpClient As(HospitalServiceFixture fixture, Guid subject, string name, string role = "staff")
    {
        var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, subject.ToString(), name));
        return client;
    }
}
