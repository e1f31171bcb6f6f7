using HisAdapter.API.Infrastructure;
using Hl7.Fhir.Rest;
using Platform.Fhir.Client;
using Platform.Fhir.Search;
using Platform.ServiceDefaults.Problems;

namespace HisAdapter.API.Application.Records;

/// <summary>Reads a platform patient's records from the HIS. Every search is on the linked HIS patient, and every
/// resource returned is checked to belong to them, so a HIS that ignored a parameter still leaks nothing.</summary>
public sealed class PatientRecordReader(FhirClient his, HisAdapterDbContext db)
{
    public async Task<IReadOnlyList<ReportDto>> ReportsAsync(Guid patientId, CancellationToken ct)
    {
        var hisPatient = await LinkedAsync(patientId, ct);
        var page = await Call(() => his.SearchAsync<DiagnosticReport>(BySubject(hisPatient)
            .Add("_include", "DiagnosticReport:result").Add("_sort", "-issued"), ct));
        var observations = page.ResourcesOf<Observation>().Where(o => Owns(o.Subject, hisPatient)).ToDictionary(o => o.Id!);
        var studies = !page.Matches<DiagnosticReport>().Any(r => r.ImagingStudy.Count > 0)
            ? null
            : (await Call(() => his.SearchAsync<ImagingStudy>(BySubject(hisPatient), ct)))
                .Matches<ImagingStudy>().Where(s => Owns(s.Subject, hisPatient)).ToDictionary(s => s.Id!);
        return page.Matches<DiagnosticReport>().Where(r => Owns(r.Subject, hisPatient))
            .Select(r => RecordMapper.Report(r, observations, studies)).ToList();
    }

    public async Task<ReportDto> ReportAsync(Guid patientId, string reportId, CancellationToken ct)
    {
        var hisPatient = await LinkedAsync(patientId, ct);
        var report = await ReadOwnAsync<DiagnosticReport>(reportId, "报告", r => Owns(r.Subject, hisPatient), ct);
        var studyIds = report.ImagingStudy.Select(r => r.IdFor("ImagingStudy")).OfType<string>().ToList();
        var studies = studyIds.Count == 0
            ? null
            : (await Call(() => his.SearchAsync<ImagingStudy>(new SearchParams().AddAnyOf("_id", studyIds), ct)))
                .Matches<ImagingStudy>().Where(s => Owns(s.Subject, hisPatient)).ToDictionary(s => s.Id!);
        var ids = report.Result.Select(r => r.IdFor("Observation")).OfType<string>().ToList();
        var observations = ids.Count == 0
            ? new Dictionary<string, Observation>()
            : (await Call(() => his.SearchAsync<Observation>(new SearchParams().AddAnyOf("_id", ids).Add("_count", "200"), ct)))
                .Matches<Observation>().Where(o => Owns(o.Subject, hisPatient)).ToDictionary(o => o.Id!);
        return RecordMapper.Report(report, observations, studies);
    }

    /// <summary>One key image of the patient's report: the Media it links to, itself checked to be the patient's.</summary>
    public async Task<KeyImageContent> KeyImageAsync(Guid patientId, string reportId, int index, CancellationToken ct)
    {
        var hisPatient = await LinkedAsync(patientId, ct);
        var report = await ReadOwnAsync<DiagnosticReport>(reportId, "报告", r => Owns(r.Subject, hisPatient), ct);
        var mediaId = index >= 0 && index < report.Media.Count ? report.Media[index].Link.IdFor("Media") : null;
        if (mediaId is null) throw ProblemException.NotFound("关键图像");
        var media = await ReadOwnAsync<Media>(mediaId, "关键图像", m => Owns(m.Subject, hisPatient), ct);
        if (media.Content?.Data is not { Length: > 0 } data || media.Content.ContentType is not ("image/png" or "image/jpeg"))
            throw ProblemException.NotFound("关键图像");
        return new KeyImageContent(media.Content.ContentType, data);
    }

    private async Task<T> ReadOwnAsync<T>(string id, string what, Func<T, bool> owned, CancellationToken ct) where T : Resource, new()
    {
        T resource;
        try
        {
            resource = await his.ReadByIdAsync<T>(id, ct);
        }
        catch (FhirOperationException ex) when (ex.IsNotFound())
        {
            throw ProblemException.NotFound(what);
        }
        catch (Exception ex) when (HisFailure.IsTransient(ex))
        {
            throw Unavailable();
        }
        return owned(resource) ? resource : throw ProblemException.NotFound(what);
    }

    public async Task<IReadOnlyList<DocumentDto>> DocumentsAsync(Guid patientId, CancellationToken ct)
    {
        var hisPatient = await LinkedAsync(patientId, ct);
        var page = await Call(() => his.SearchAsync<DocumentReference>(BySubject(hisPatient).Add("_sort", "-date"), ct));
        return page.Matches<DocumentReference>().Where(d => Owns(d.Subject, hisPatient) && d.Status != DocumentReferenceStatus.EnteredInError)
            .Select(RecordMapper.Document).ToList();
    }

    public async Task<IReadOnlyList<EncounterDto>> EncountersAsync(Guid patientId, CancellationToken ct)
    {
        var hisPatient = await LinkedAsync(patientId, ct);
        var page = await Call(() => his.SearchAsync<Encounter>(BySubject(hisPatient).Add("_sort", "-date"), ct));
        var encounters = page.Matches<Encounter>().Where(e => Owns(e.Subject, hisPatient)).ToList();
        var conditions = (await Call(() => his.SearchAsync<Condition>(BySubject(hisPatient), ct)))
            .Matches<Condition>().Where(c => Owns(c.Subject, hisPatient)).ToDictionary(c => c.Id!);
        return encounters.Select(e => RecordMapper.Encounter(e, conditions)).ToList();
    }

    /// <summary>The patient's diagnoses; an entered-in-error one is left out.</summary>
    public async Task<IReadOnlyList<ConditionDto>> ConditionsAsync(Guid patientId, CancellationToken ct)
    {
        var hisPatient = await LinkedAsync(patientId, ct);
        var page = await Call(() => his.SearchAsync<Condition>(BySubject(hisPatient), ct));
        return page.Matches<Condition>().Where(c => Owns(c.Subject, hisPatient) && !IsEnteredInError(c)).Select(RecordMapper.Condition).ToList();
    }

    private static bool IsEnteredInError(Condition c) =>
        c.VerificationStatus?.Coding.Any(x => x.Code == "entered-in-error") == true;

    /// <summary>A care relationship: the practitioner attended one of the patient's visits, or the patient has an
    /// appointment with them. What a doctor's read of the record rests on.</summary>
    public async Task<CareRelationshipDto> CareRelationshipAsync(Guid patientId, string practitionerId, CancellationToken ct)
    {
        var hisPatient = await LinkedAsync(patientId, ct);
        var visits = await Call(() => his.SearchAsync<Encounter>(BySubject(hisPatient)
            .AddReference("participant", "Practitioner", practitionerId), ct));
        var visit = visits.Matches<Encounter>().FirstOrDefault(e => Owns(e.Subject, hisPatient)
            && e.Participant.Any(p => p.Individual.IdFor("Practitioner") == practitionerId));
        if (visit is not null) return new CareRelationshipDto(true, $"Encounter/{visit.Id}");
        var appointments = await Call(() => his.SearchAsync<Appointment>(new SearchParams()
            .AddReference("patient", "Patient", hisPatient).AddReference("practitioner", "Practitioner", practitionerId).Add("_count", "50"), ct));
        var appointment = appointments.Matches<Appointment>().FirstOrDefault(a =>
            a.Participant.Any(p => p.Actor.IdFor("Patient") == hisPatient) && a.Participant.Any(p => p.Actor.IdFor("Practitioner") == practitionerId));
        return appointment is not null ? new CareRelationshipDto(true, $"Appointment/{appointment.Id}") : new CareRelationshipDto(false, null);
    }

    public async Task<IReadOnlyList<PrescriptionDto>> PrescriptionsAsync(Guid patientId, CancellationToken ct)
    {
        var hisPatient = await LinkedAsync(patientId, ct);
        var page = await Call(() => his.SearchAsync<MedicationRequest>(BySubject(hisPatient).Add("_sort", "-authoredon"), ct));
        return page.Matches<MedicationRequest>().Where(m => Owns(m.Subject, hisPatient)).Select(RecordMapper.Prescription).ToList();
    }

    public async Task<ChargesDto> ChargesAsync(Guid patientId, CancellationToken ct)
    {
        var hisPatient = await LinkedAsync(patientId, ct);
        var items = await Call(() => his.SearchAsync<ChargeItem>(BySubject(hisPatient), ct));
        var invoices = await Call(() => his.SearchAsync<Invoice>(BySubject(hisPatient), ct));
        var invoiceDtos = invoices.Matches<Invoice>().Where(i => Owns(i.Subject, hisPatient)).Select(RecordMapper.Invoice).ToList();
        return new ChargesDto(
            items.Matches<ChargeItem>().Where(c => Owns(c.Subject, hisPatient)).Select(RecordMapper.Charge).ToList(),
            invoiceDtos, invoiceDtos.Where(i => i.Unpaid).Sum(i => i.TotalFen));
    }

    public async Task<IReadOnlyList<DepositDto>> DepositsAsync(Guid patientId, CancellationToken ct)
    {
        var hisPatient = await LinkedAsync(patientId, ct);
        var page = await Call(() => his.SearchAsync<Account>(BySubject(hisPatient), ct));
        var accounts = page.Matches<Account>().Where(a => a.Subject.Any(s => Owns(s, hisPatient))).ToList();
        var deposits = new List<DepositDto>();
        foreach (var account in accounts)
            deposits.Add(RecordMapper.Deposit(account) with { Movements = await MovementsAsync(account.Id!, hisPatient, ct) });
        return deposits;
    }

    /// <summary>What went into the account (PaymentNotices on it) and out of it (ChargeItems billed to it), newest first.</summary>
    private async Task<List<DepositMovementDto>> MovementsAsync(string accountId, string hisPatient, CancellationToken ct)
    {
        var notices = await Call(() => his.SearchAsync<PaymentNotice>(
            new SearchParams().AddReference("request", "Account", accountId).Add("_count", "200"), ct));
        var charges = await Call(() => his.SearchAsync<ChargeItem>(
            new SearchParams().AddReference("account", "Account", accountId).Add("_count", "500"), ct));
        return notices.Matches<PaymentNotice>().Where(n => n.Request?.IdFor("Account") == accountId).Select(RecordMapper.DepositIn)
            .Concat(charges.Matches<ChargeItem>().Where(c => Owns(c.Subject, hisPatient)).Select(RecordMapper.ChargeOut))
            .OrderByDescending(m => m.At).ToList();
    }

    private async Task<string> LinkedAsync(Guid patientId, CancellationToken ct) =>
        (await db.PatientLinks.FindAsync([patientId], ct))?.HisPatientId
        ?? throw new ProblemException(404, "patient_not_linked", "该就诊人尚未在医院建档");

    private static SearchParams BySubject(string hisPatient) =>
        new SearchParams().AddReference("subject", "Patient", hisPatient).Add("_count", "200");

    private static bool Owns(ResourceReference? subject, string hisPatient) => subject?.IdFor("Patient") == hisPatient;

    private static async Task<T> Call<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (HisFailure.IsTransient(ex))
        {
            throw Unavailable();
        }
    }

    private static ProblemException Unavailable() => new(503, "his_unavailable", "医院信息系统暂时无法访问，请稍后再试");
}
