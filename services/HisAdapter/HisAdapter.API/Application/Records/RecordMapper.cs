using System.Globalization;

namespace HisAdapter.API.Application.Records;

/// <summary>FHIR resources → the flat JSON other services want. Flags are the v3 ObservationInterpretation codes.</summary>
public static class RecordMapper
{
    public static ReportDto Report(DiagnosticReport report, IReadOnlyDictionary<string, Observation> observations,
        IReadOnlyDictionary<string, ImagingStudy>? studies = null) => new(
        report.Id!,
        report.Category.FirstOrDefault()?.Text ?? report.Category.SelectMany(c => c.Coding).FirstOrDefault()?.Code ?? "",
        report.Code?.Text ?? "",
        report.Status.Literal(),
        report.Issued,
        report.Conclusion,
        report.Result.Select(r => r.IdFor("Observation")).OfType<string>()
            .Select(id => observations.GetValueOrDefault(id)).OfType<Observation>().Select(Item).ToList(),
        report.Category.SelectMany(c => c.Coding).FirstOrDefault()?.Code,
        report.Identifier.FirstOrDefault()?.Value,
        (report.Effective as FhirDateTime).At(),
        report.ResultsInterpreter.FirstOrDefault()?.Display,
        report.Performer.FirstOrDefault()?.Display,
        report.Encounter.IdFor("Encounter"),
        report.PresentedForm.FirstOrDefault()?.Data is { } data ? System.Text.Encoding.UTF8.GetString(data) : null,
        report.ImagingStudy.Select(s => s.IdFor("ImagingStudy")).OfType<string>().Select(id => studies?.GetValueOrDefault(id))
            .OfType<ImagingStudy>().Select(Imaging).FirstOrDefault(),
        report.Media.Select((m, i) => new KeyImageDto(i, m.Comment ?? $"关键图像 {i + 1}")).ToList());

    public static ImagingDto Imaging(ImagingStudy s) => new(
        s.Id!, s.Modality.FirstOrDefault()?.Code ?? "", s.Series.FirstOrDefault()?.BodySite?.Display, s.NumberOfSeries,
        s.NumberOfInstances, s.Referrer?.Display);

    public static DocumentDto Document(DocumentReference d) => new(
        d.Id!, d.Type?.Coding.FirstOrDefault()?.Code == "18842-5" ? "discharge" : "outpatient", d.Type?.Text ?? "病历",
        d.DocStatus.Literal() is { Length: > 0 } doc ? doc : d.Status.Literal(), d.Date, d.Author.FirstOrDefault()?.Display,
        d.Author.FirstOrDefault().IdFor("Practitioner"), d.Description, d.Context?.Encounter.FirstOrDefault().IdFor("Encounter"),
        d.Content.FirstOrDefault()?.Attachment?.Data is { } data ? System.Text.Encoding.UTF8.GetString(data) : "");

    public static EncounterDto Encounter(Encounter e, IReadOnlyDictionary<string, Condition> conditions)
    {
        var attender = e.Participant.FirstOrDefault()?.Individual;
        return new EncounterDto(
            e.Id!, e.Class?.Code ?? "", e.Type.FirstOrDefault()?.Text ?? "", e.Status.Literal(),
            e.Period?.StartElement.At(), e.Period?.EndElement.At(),
            e.ServiceType?.Coding.FirstOrDefault()?.Display, attender?.Display, attender.IdFor("Practitioner"),
            e.ReasonCode.FirstOrDefault()?.Text,
            e.Diagnosis.Select(d => d.Condition.IdFor("Condition")).OfType<string>().Select(id => conditions.GetValueOrDefault(id))
                .OfType<Condition>().Select(c => c.Code?.Text).FirstOrDefault(t => t is not null),
            e.Location.FirstOrDefault()?.Location?.Display, e.Hospitalization?.DischargeDisposition?.Text);
    }

    public static ConditionDto Condition(Condition c)
    {
        var icd = c.Code?.Coding.FirstOrDefault(x => x.System == HisSystems.Icd10) ?? c.Code?.Coding.FirstOrDefault();
        var onset = (c.Onset as FhirDateTime).At() ?? c.RecordedDateElement.At();
        return new ConditionDto(c.Id!, icd?.Code, c.Code?.Text ?? icd?.Display,
            c.ClinicalStatus?.Coding.FirstOrDefault()?.Code ?? "unknown", onset);
    }

    public static ObservationItemDto Item(Observation o)
    {
        var flag = o.Interpretation.SelectMany(i => i.Coding).FirstOrDefault()?.Code;
        var range = o.ReferenceRange.FirstOrDefault();
        var quantity = o.Value as Quantity;
        var value = quantity?.Value?.ToString(CultureInfo.InvariantCulture) ?? (o.Value as FhirString)?.Value
                    ?? (o.Value as CodeableConcept)?.Text ?? "";
        return new ObservationItemDto(o.Id!, o.Code?.Text ?? "", o.Code?.Coding.FirstOrDefault(c => c.System == "http://loinc.org")?.Code,
            value, quantity?.Value, quantity?.Unit ?? "", range?.Text ?? "", range?.Low?.Value, range?.High?.Value,
            flag, o.Interpretation.FirstOrDefault()?.Text, flag is not (null or "N"), flag is "HH" or "LL" or "AA");
    }

    public static PrescriptionDto Prescription(MedicationRequest m) => new(
        m.Id!, m.Status.Literal(), m.Category.FirstOrDefault()?.Text ?? "",
        (m.Medication as CodeableConcept)?.Text ?? (m.Medication as ResourceReference)?.Display ?? "",
        m.AuthoredOnElement.At(), m.Requester?.Display ?? "",
        m.DosageInstruction.Select(d => d.Text).OfType<string>().ToList(),
        m.DispenseRequest?.Quantity is { } q ? $"{q.Value?.ToString(CultureInfo.InvariantCulture)}{q.Unit}" : null,
        m.DispenseRequest?.ExpectedSupplyDuration is { } d ? $"{d.Value?.ToString(CultureInfo.InvariantCulture)}{d.Unit}" : null);

    public static ChargeDto Charge(ChargeItem c) => new(
        c.Id!, c.Status.Literal(), c.Code?.Text ?? "", (c.Occurrence as FhirDateTime).At(), c.Quantity?.Value ?? 1,
        c.PriceOverride?.ToFen() ?? 0, c.Code?.Coding.Select(x => x.Code).FirstOrDefault(code => !string.IsNullOrEmpty(code)));

    public static InvoiceDto Invoice(Invoice i) => new(
        i.Id!, i.Identifier.FirstOrDefault()?.Value ?? "", i.Status.Literal(), i.Type?.Text ?? "", i.DateElement.At(),
        (i.TotalGross ?? i.TotalNet)?.ToFen() ?? 0, i.Status == Hl7.Fhir.Model.Invoice.InvoiceStatus.Issued,
        i.LineItem.Select(l => (l.ChargeItem as ResourceReference).IdFor("ChargeItem")).OfType<string>().ToList());

    /// <summary>A deposit paid in: on the platform (our payment id) or at the admission office's window.</summary>
    public static DepositMovementDto DepositIn(PaymentNotice n) => new(
        n.Id!, "deposit", n.Identifier.Any(i => i.System == HisSystems.PlatformPayment) ? "线上缴纳预交金" : "住院处窗口缴纳预交金",
        n.Amount?.ToFen() ?? 0, n.CreatedElement.At());

    /// <summary>A charge against the deposit: unit price × quantity, to the fen.</summary>
    public static DepositMovementDto ChargeOut(ChargeItem c) => new(
        c.Id!, "charge", c.Code?.Text ?? "费用", (long)Math.Round((c.PriceOverride?.ToFen() ?? 0) * (c.Quantity?.Value ?? 1)),
        (c.Occurrence as FhirDateTime).At());

    public static DepositDto Deposit(Account a) => new(
        a.Id!, a.Name ?? "", a.Status.Literal(),
        a.ExtensionValue<Money>(HisSystems.DepositTotal)?.ToFen() ?? 0,
        a.ExtensionValue<Money>(HisSystems.ChargesTotal)?.ToFen() ?? 0,
        a.ExtensionValue<Money>(HisSystems.DepositBalance)?.ToFen() ?? 0,
        a.ServicePeriod?.StartElement.At(), a.ServicePeriod?.EndElement.At());
}
