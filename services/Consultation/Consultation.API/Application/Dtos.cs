using Consultation.API.Domain;

namespace Consultation.API.Application;

public sealed record ImageDto(Guid Id, string Url, int Width, int Height);

/// <summary>An uploaded file: an image (with its size) or a voice note (<see cref="Kind"/> voice).</summary>
public sealed record MediaDto(Guid Id, string Kind, string Url, string ContentType, int Width, int Height);

public sealed record ConsultationDto(
    Guid Id, Guid PatientId, string Kind, string Status, string StatusText, string PractitionerId, string DoctorName,
    string DepartmentName, string Complaint, IReadOnlyList<ImageDto> Attachments, string? PriorDiagnosis, long FeeFen,
    DateTimeOffset CreatedAt, DateTimeOffset PayBy, DateTimeOffset? PaidAt, DateTimeOffset? EndsBy, DateTimeOffset? EndedAt,
    string? EndedBy, string? Summary, long MessageCount, long PatientReadSeq, long DoctorReadSeq, long UnreadCount);

public sealed record MessageDto(
    Guid Id, long Seq, string Sender, string? Text, ImageDto? Image, string? Card, DateTimeOffset SentAt, bool ReadByOther,
    MediaDto? Voice = null);

public sealed record DoctorDto(
    string PractitionerId, string Name, string Title, IReadOnlyList<string> Departments, string Expertise, bool OffersText,
    long TextFeeFen, bool OffersFollowUp, long FollowUpFeeFen);

public sealed record CreateConsultationRequest(
    Guid PatientId, string? PractitionerId, string? Kind, string? Complaint, IReadOnlyList<Guid>? AttachmentIds, bool Urgent = false);

public sealed record PostMessageRequest(string? Text, Guid? MediaId, string? Card);

public sealed record ReadRequest(long Seq);

public sealed record EndRequest(string? Summary);

public sealed record OfferRequest(bool OffersText, long TextFeeFen, bool OffersFollowUp, long FollowUpFeeFen);

public static class ConsultationViews
{
    public static ConsultationDto ToDto(OnlineConsultation c, string side, IReadOnlyList<ImageDto> attachments) => new(
        c.Id, c.PatientId, c.Kind, c.Status, ConsultationStatus.TextOf(c.Status), c.PractitionerHisId, c.DoctorName, c.DepartmentName,
        c.Complaint, attachments, c.PriorDiagnosis, c.FeeFen, c.CreatedAt, c.PayBy, c.PaidAt, c.EndsBy, c.EndedAt, c.EndedBy, c.Summary,
        c.MessageCount, c.PatientReadSeq, c.DoctorReadSeq,
        c.MessageCount - (side == Senders.Doctor ? c.DoctorReadSeq : c.PatientReadSeq));
}
