using System.Globalization;
using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Utility;
using Platform.Contracts.His;
using Platform.Fhir.Client;
using Platform.Fhir.Search;
using Platform.Messaging.Outbox;

namespace HisAdapter.API.Application.Sync;

/// <summary>Publishes a linked patient's prescriptions (MedicationRequest, with MedicationDispense progress) and the
/// record the medication-safety check needs (allergies, conditions, pregnancy, weight, age) as one snapshot per platform
/// patient. Keyed by content hash, so a repeat publishes nothing; only linked patients are read, never the whole HIS.</summary>
public sealed class MedicationSync(FhirClient his, HisAdapterDbContext db, IIntegrationEventOutbox outbox, TimeProvider clock,
    ILogger<MedicationSync> logger)
{
    private const string Kind = "medications";
    public static readonly string[] Watched = ["MedicationRequest", "MedicationDispense", "AllergyIntolerance"];

    /// <summary>Every linked patient (full sync), or those whose HIS patient is among <paramref name="hisPatients"/>.</summary>
    public async Task<int> SyncAsync(IReadOnlyCollection<string>? hisPatients, CancellationToken ct)
    {
        var query = db.PatientLinks.AsNoTracking();
        if (hisPatients is not null)
        {
            if (hisPatients.Count == 0) return 0;
            query = query.Where(l => hisPatients.Contains(l.HisPatientId));
        }
        var published = 0;
        foreach (var link in await query.ToListAsync(ct))
        {
            // A link to a patient the HIS no longer knows (merged, or a test HIS restarted) must not stop everyone else's sync.
            try { published += await ForPatientAsync(link.PatientId, link.HisPatientId, ct); }
            catch (FhirOperationException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
            {
                logger.LogWarning("HIS has no record for linked patient {PatientId}; medications skipped", link.PatientId);
            }
        }
        return published;
    }

    /// <summary>The HIS patients whose medication data changed since <paramref name="since"/> (a FHIR instant).</summary>
    public async Task<(HashSet<string> Patients, DateTimeOffset? Newest)> ChangedSinceAsync(string since, CancellationToken ct)
    {
        var patients = new HashSet<string>();
        DateTimeOffset? newest = null;
        foreach (var type in Watched)
        {
            var page = await his.SearchAsync(new SearchParams().Add("_lastUpdated", "ge" + since).Add("_count", "1000"), type, ct);
            foreach (var resource in page?.Entry.Select(e => e.Resource).OfType<Resource>() ?? [])
            {
                var subject = resource switch
                {
                    MedicationRequest m => m.Subject,
                    MedicationDispense d => d.Subject,
                    AllergyIntolerance a => a.Patient,
                    _ => null,
                };
                if (subject.IdFor("Patient") is { } id) patients.Add(id);
                if (resource.Meta?.LastUpdated is { } at && (newest is null || at > newest)) newest = at;
            }
        }
        return (patients, newest);
    }

    public async Task<int> ForPatientAsync(Guid patientId, string hisPatientId, CancellationToken ct)
    {
        var e = await ReadAsync(patientId, hisPatientId, ct);
        var key = $"{hisPatientId}|{patientId:N}";
        var hash = ContentHash.Of(e);
        var row = await db.SyncedResources.SingleOrDefaultAsync(r => r.Kind == Kind && r.HisId == key, ct);
        if (row is not null && row.Hash == hash) return 0;
        if (row is null) db.SyncedResources.Add(new SyncedResource { Kind = Kind, HisId = key, Hash = hash });
        else row.Hash = hash;
        outbox.Add(e);
        return 1;
    }

    private async Task<HisMedicationsSyncedIntegrationEvent> ReadAsync(Guid patientId, string hisPatientId, CancellationToken ct)
    {
        var bySubject = () => new SearchParams().Add("subject", $"Patient/{hisPatientId}");
        var requests = (await his.SearchAsync<MedicationRequest>(bySubject().Add("_sort", "-authoredon").Add("_count", "200"), ct))
            .Matches<MedicationRequest>().Where(m => m.Subject.IdFor("Patient") == hisPatientId).ToList();
        var dispenses = (await his.SearchAsync<MedicationDispense>(bySubject().Add("_count", "500"), ct))
            .Matches<MedicationDispense>().Where(d => d.Subject.IdFor("Patient") == hisPatientId)
            .SelectMany(d => d.AuthorizingPrescription.Select(r => (Request: r.IdFor("MedicationRequest"), Dispense: d)))
            .Where(x => x.Request is not null).ToLookup(x => x.Request!, x => x.Dispense);
        var allergies = (await his.SearchAsync<AllergyIntolerance>(
                new SearchParams().Add("patient", $"Patient/{hisPatientId}").Add("_count", "100"), ct))
            .Matches<AllergyIntolerance>().Where(a => a.Patient.IdFor("Patient") == hisPatientId
                && a.ClinicalStatus?.Coding.Any(c => c.Code == "inactive" || c.Code == "resolved") != true)
            .SelectMany(a => new[] { a.Code?.Text }.Concat(a.Code?.Coding.Select(c => c.Display) ?? []))
            .OfType<string>().Where(s => s.Length > 0).Distinct().ToList();
        var conditions = (await his.SearchAsync<Condition>(bySubject().Add("_count", "100"), ct))
            .Matches<Condition>().Where(c => c.Subject.IdFor("Patient") == hisPatientId
                && c.ClinicalStatus?.Coding.Any(x => x.Code == "active") == true)
            .Select(c => c.Code?.Text).OfType<string>().Distinct().ToList();
        var patient = await his.ReadByIdAsync<Patient>(hisPatientId, ct);
        var observations = (await his.SearchAsync<Observation>(bySubject().Add("code", "82810-3,29463-7").Add("_sort", "-date").Add("_count", "20"), ct))
            .Matches<Observation>().Where(o => o.Subject.IdFor("Patient") == hisPatientId).ToList();
        var pregnant = observations.FirstOrDefault(o => o.Code?.Coding.Any(c => c.Code == "82810-3") == true)?.Value is CodeableConcept v
                       && v.Coding.Any(c => c.Code == "77386006");
        var weight = (observations.FirstOrDefault(o => o.Code?.Coding.Any(c => c.Code == "29463-7") == true)?.Value as Quantity)?.Value;
        var context = new HisMedicationContext(AgeOf(patient), patient.Gender.Literal(), pregnant, weight, allergies, conditions);
        return new HisMedicationsSyncedIntegrationEvent(patientId, context,
            requests.Select(m => Line(m, dispenses[m.Id ?? ""].ToList())).OfType<HisPrescriptionLine>().ToList());
    }

    private int? AgeOf(Patient patient)
    {
        if (!DateOnly.TryParse(patient.BirthDate, CultureInfo.InvariantCulture, out var born)) return null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(HisSystems.Shanghai).DateTime);
        var age = today.Year - born.Year;
        return born.AddYears(age) > today ? age - 1 : age;
    }

    public static HisPrescriptionLine? Line(MedicationRequest m, IReadOnlyList<MedicationDispense> dispenses)
    {
        var drug = m.Medication as CodeableConcept;
        var code = drug?.Coding.FirstOrDefault()?.Code;
        if (m.Id is null || code is null) return null;
        var dosage = m.DosageInstruction.FirstOrDefault();
        var dose = dosage?.DoseAndRate.FirstOrDefault()?.Dose as Quantity;
        var repeat = dosage?.Timing?.Repeat;
        var asNeeded = dosage?.AsNeeded is FhirBoolean { Value: true };
        int? timesPerDay = asNeeded || repeat?.Frequency is null ? null
            : repeat.PeriodUnit == Timing.UnitsOfTime.D ? (int)Math.Round(repeat.Frequency.Value / (repeat.Period ?? 1m)) : null;
        var latest = dispenses.OrderByDescending(d => d.WhenHandedOverElement.At() ?? d.WhenPreparedElement.At()).FirstOrDefault();
        var category = m.Category.SelectMany(c => c.Coding).FirstOrDefault()?.Code ?? "outpatient";
        return new HisPrescriptionLine(
            m.Id, category, m.Encounter.IdFor("Encounter"), code, drug!.Text ?? drug.Coding[0].Display ?? code,
            dose?.Value, dose?.Unit ?? "", timesPerDay, asNeeded, dosage?.Route?.Text ?? "",
            string.Join("；", m.DosageInstruction.Select(d => d.Text).OfType<string>()),
            m.DispenseRequest?.ExpectedSupplyDuration?.Value is { } days ? (int)days : null,
            m.DispenseRequest?.Quantity is { } q ? $"{q.Value?.ToString(CultureInfo.InvariantCulture)}{q.Unit}" : null,
            m.Requester?.Display ?? "", m.AuthoredOnElement.At(), m.Status?.GetLiteral() ?? "active",
            latest?.Status?.GetLiteral(), latest?.WhenHandedOverElement.At());
    }
}
