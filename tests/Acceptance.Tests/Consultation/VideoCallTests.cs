using Acceptance.Tests.Identity;
using Acceptance.Tests.Payment;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Consultation;

/// <summary>X08: the doctor video-calls the patient from the workstation; offer and answer travel through the platform's
/// push; both sides see the other's live camera (Chromium's fake devices), hanging up ends it on both; then a voice note
/// recorded on the phone plays on the workstation.</summary>
[Collection(ServicesCollection.Name)]
public sealed class VideoCallTests
{
    public VideoCallTests() => SetDefaultExpectTimeout(30000);

    [Fact]
    [Trait("Rubric", "X08")]
    public async Task A_video_call_connects_with_a_live_remote_track_on_both_sides_and_hangs_up()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        var (_, patientId) = await his.AddNewPatientAsync(account);
        account = await ConsultationStack.FreshAsync(account);
        var token = account.AccessToken;
        var doctor = await ConsultationStack.DoctorAsync(token);
        var created = await ConsultationStack.SendAsync(token, HttpMethod.Post, "/api/consultation/consultations",
            new { patientId, practitionerId = doctor.PractitionerId, kind = "text", complaint = "手臂皮疹，想让医生视频看看" });
        Assert.True(created.Status == System.Net.HttpStatusCode.Created, created.Body.ToString());
        var consultationId = created.Body.GetProperty("id").GetString()!;

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                $"--explicitly-allowed-ports={new Uri(TestEnvironment.EdgeUrl).Port}"],
        });
        await using var phone = await NewContextAsync(chromium, PatientSession.Phone, new()
        {
            ["platform.patient.token"] = account.AccessToken, ["platform.patient.refresh"] = account.RefreshToken,
        });
        await using var workstation = await NewContextAsync(chromium, PatientSession.Desktop, new() { ["platform.doctor.token"] = doctor.Token });
        var p = await phone.NewPageAsync();
        var desk = await workstation.NewPageAsync();
        await p.RunAsync(async p =>
        {
            await p.GotoAsync($"/consultation/{consultationId}");
            await WeChatPaySimulator.PayOnPageAsync(p);
            await Expect(p.GetByTestId("consult-status")).ToHaveAttributeAsync("data-status", "waiting", new() { Timeout = 60000 });

            await desk.GotoAsync("/doctor/consultation");
            await desk.Locator($"[data-testid=queue-consultation][data-id='{consultationId}']").ClickAsync();
            await desk.GetByTestId("call-start").ClickAsync();

            var call = p.GetByTestId("video-call");
            await Expect(call).ToHaveAttributeAsync("data-state", "ringing");
            await p.GetByTestId("call-answer").ClickAsync();
            await Expect(call).ToHaveAttributeAsync("data-state", "connected");
            await Expect(desk.GetByTestId("doctor-video-call")).ToHaveAttributeAsync("data-state", "connected");
            foreach (var page in new[] { p, desk })
                await Eventually.Until(() => page.GetByTestId("remote-video").EvaluateAsync<bool>("""
                    v => !!v.srcObject && v.srcObject.getVideoTracks().some(t => t.readyState === 'live' && !t.muted) && v.videoWidth > 0
                    """), live => live, TimeSpan.FromSeconds(30), "a live remote video track");

            await desk.GetByTestId("call-hangup").ClickAsync();
            await Expect(call).ToHaveAttributeAsync("data-state", "declined");

            // A voice note from the phone's (fake) microphone reaches the doctor, playable.
            var voice = p.GetByTestId("consult-voice");
            await voice.ClickAsync();
            await Expect(voice).ToHaveAttributeAsync("aria-pressed", "true");
            await voice.ClickAsync();
            await Expect(p.Locator("[data-testid=consult-message][data-sender=patient] [data-testid=consult-message-voice]")).ToHaveCountAsync(1);
            var heard = desk.Locator("[data-testid=doctor-message][data-sender=patient] [data-testid=doctor-message-voice]");
            await Expect(heard).ToHaveCountAsync(1);
            await Eventually.Until(() => heard.EvaluateAsync<int>("a => a.readyState"), state => state >= 1, TimeSpan.FromSeconds(30),
                "the voice note's metadata loaded on the workstation");
        }, "X08_video");
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser chromium, ViewportSize viewport, Dictionary<string, string> storage)
    {
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = TestEnvironment.EdgeUrl, ViewportSize = viewport, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            Permissions = ["camera", "microphone"],
        });
        var items = string.Join(";", storage.Select(kv =>
            $"window.localStorage.setItem({System.Text.Json.JsonSerializer.Serialize(kv.Key)},{System.Text.Json.JsonSerializer.Serialize(kv.Value)})"));
        await context.AddInitScriptAsync($"if (!window.sessionStorage.getItem('platform.test.seeded')) {{ {items}; window.sessionStorage.setItem('platform.test.seeded', '1'); }}");
        return context;
    }
}
