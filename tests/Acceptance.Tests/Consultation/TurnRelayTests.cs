using System.Text.Json;
using Acceptance.Tests.Identity;
using Microsoft.Playwright;
using Platform.Testing;

namespace Acceptance.Tests.Consultation;

/// <summary>X08 through the stack's TURN server (coturn, started by ./platform up): two peer connections in Chromium,
/// restricted to relayed candidates as a call behind a hospital firewall would be, reach each other through coturn with
/// the short-lived credentials the Consultation service issues for the call; a forged credential gets no relay.</summary>
[Collection(ServicesCollection.Name)]
public sealed class TurnRelayTests(BrowserFixture browser)
{
    /// <summary>Runs in the page: offers a data channel from one relay-only peer to another and reports what got through
    /// and over which candidate types; gives up after <c>ms</c>.</summary>
    private const string RelayProbe = """
        async ({ servers, ms }) => {
          const config = { iceServers: servers, iceTransportPolicy: 'relay' }
          const a = new RTCPeerConnection(config), b = new RTCPeerConnection(config)
          const gathered = []
          a.onicecandidate = (e) => { if (e.candidate) { gathered.push(e.candidate.type); b.addIceCandidate(e.candidate) } }
          b.onicecandidate = (e) => { if (e.candidate) a.addIceCandidate(e.candidate) }
          const received = new Promise((resolve) => { b.ondatachannel = (e) => { e.channel.onmessage = (m) => resolve(m.data) } })
          const channel = a.createDataChannel('probe')
          channel.onopen = () => channel.send('来自诊室的问候')
          await a.setLocalDescription(await a.createOffer())
          await b.setRemoteDescription(a.localDescription)
          await b.setLocalDescription(await b.createAnswer())
          await a.setRemoteDescription(b.localDescription)
          const data = await Promise.race([received, new Promise((resolve) => setTimeout(() => resolve(null), ms))])
          // The pair the transport selected (stats can lag the open channel on a busy machine: read again briefly).
          const selectedPair = (stats) => {
            let pair = null
            stats.forEach((s) => { if (s.type === 'transport' && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId) ?? pair })
            if (!pair) stats.forEach((s) => { if (s.type === 'candidate-pair' && s.state === 'succeeded' && (!pair || s.nominated)) pair = s })
            return pair
          }
          let localType = null
          for (let i = 0; data !== null && localType === null && i < 30; i++) {
            const stats = await a.getStats()
            const pair = selectedPair(stats)
            localType = pair ? stats.get(pair.localCandidateId)?.candidateType ?? null : null
            if (localType === null) await new Promise((resolve) => setTimeout(resolve, 100))
          }
          a.close(); b.close()
          return { data, gathered, localType }
        }
        """;

    private sealed record Probe(string? Data, string[] Gathered, string? LocalType)
    {
        public static async Task<Probe> RunAsync(IPage page, object servers, int ms)
        {
            var r = await page.EvaluateAsync<JsonElement>(RelayProbe, new { servers, ms });
            string? Text(string name) => r.GetProperty(name).ValueKind == JsonValueKind.String ? r.GetProperty(name).GetString() : null;
            return new Probe(Text("data"), [.. r.GetProperty("gathered").EnumerateArray().Select(t => t.GetString()!)], Text("localType"));
        }
    }

    [Fact]
    [Trait("Rubric", "X08")]
    public async Task A_call_restricted_to_relay_connects_through_the_stacks_TURN_server_with_the_calls_credentials_and_not_with_forged_ones()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        var (_, patientId) = await his.AddNewPatientAsync(account);
        account = await ConsultationStack.FreshAsync(account);
        var doctor = await ConsultationStack.DoctorAsync(account.AccessToken);
        var created = await ConsultationStack.SendAsync(account.AccessToken, HttpMethod.Post, "/api/consultation/consultations",
            new { patientId, practitionerId = doctor.PractitionerId, kind = "text", complaint = "想先试一下视频能否接通" });
        Assert.True(created.Status == System.Net.HttpStatusCode.Created, created.Body.ToString());
        var ice = await ConsultationStack.SendAsync(account.AccessToken, HttpMethod.Get,
            $"/api/consultation/consultations/{created.Body.GetProperty("id").GetString()}/call/ice");
        Assert.True(ice.Status == System.Net.HttpStatusCode.OK, ice.Body.ToString());
        var turn = ice.Body.GetProperty("iceServers").EnumerateArray()
            .Single(s => s.GetProperty("urls").EnumerateArray().Any(u => u.GetString()!.StartsWith("turn:", StringComparison.Ordinal)));
        var servers = new[]
        {
            new
            {
                urls = turn.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!).ToArray(),
                username = turn.GetProperty("username").GetString()!, credential = turn.GetProperty("credential").GetString()!,
            },
        };

        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var relayed = await Probe.RunAsync(page, servers, 20000);
        Assert.Equal("来自诊室的问候", relayed.Data);
        Assert.Equal("relay", relayed.LocalType);
        Assert.All(relayed.Gathered, type => Assert.Equal("relay", type));

        var forged = new[] { servers[0] with { credential = Convert.ToBase64String(new byte[20]) } };
        var refused = await Probe.RunAsync(page, forged, 8000);
        Assert.Null(refused.Data);
        Assert.Empty(refused.Gathered);
    }
}
