using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Consultation.API.Domain;
using Consultation.API.Extensions;
using Consultation.API.Infrastructure;
using Microsoft.Extensions.Options;
using Platform.Contracts.Consultation;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Problems;

namespace Consultation.API.Application;

public sealed record SignalRequest(string? Kind, string? Data, Guid CallId);

public sealed record IceServerDto(IReadOnlyList<string> Urls, string? Username, string? Credential);

public sealed record IceDto(IReadOnlyList<IceServerDto> IceServers, DateTimeOffset ExpiresAt);

/// <summary>Video consultation (X08): the two sides exchange WebRTC offer and answer through the platform's push (the
/// Notification hub), and each gets short-lived TURN credentials in coturn's REST-API form (username = expiry:call,
/// password = HMAC-SHA1 of it with the shared secret), so a credential is worthless after the call.</summary>
public sealed class VideoCalls(ConsultationDbContext db, Participants participants, IIntegrationEventOutbox outbox,
    IOptions<ConsultationOptions> options, TimeProvider clock)
{
    private static readonly string[] Kinds = ["offer", "answer", "hangup"];

    public async Task SignalAsync(ClaimsPrincipal user, Guid consultationId, SignalRequest request, CancellationToken ct)
    {
        if (request.Kind is null || !Kinds.Contains(request.Kind) || request.CallId == Guid.Empty || (request.Data?.Length ?? 0) > 20_000)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["kind"] = ["信令格式不正确"] });
        var (consultation, side) = await participants.RequireAsync(user, consultationId, ct);
        if (!ConsultationStatus.IsOpen(consultation.Status) && request.Kind != "hangup")
            throw ProblemException.Conflict("not_open", "咨询未在进行中，不能发起视频通话");
        outbox.Add(new ConsultationSignalIntegrationEvent(consultation.Id, consultation.PatientId, consultation.PractitionerHisId, side,
            request.Kind, request.Data ?? "", request.CallId));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IceDto> IceAsync(ClaimsPrincipal user, Guid consultationId, CancellationToken ct)
    {
        var (consultation, _) = await participants.RequireAsync(user, consultationId, ct);
        await db.SaveChangesAsync(ct);
        var turn = options.Value.Turn;
        var expires = clock.GetUtcNow() + turn.CredentialLifetime;
        var servers = new List<IceServerDto>();
        if (turn.StunUrls.Count > 0) servers.Add(new IceServerDto(turn.StunUrls, null, null));
        if (turn.TurnUrls.Count > 0 && turn.Secret.Length > 0)
        {
            var username = $"{expires.ToUnixTimeSeconds()}:{consultation.Id:N}";
            var credential = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(turn.Secret), Encoding.UTF8.GetBytes(username)));
            servers.Add(new IceServerDto(turn.TurnUrls, username, credential));
        }
        return new IceDto(servers, expires);
    }
}
