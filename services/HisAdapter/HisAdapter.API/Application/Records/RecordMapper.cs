using System.Globalization;

namespace HisAdapter.API.Application.Records;

/// <summary>FHIR resources → the flat JSON other services want. Flags are the v3 ObservationInterpretation codes.</summary>
public static class RecordMapper
{
    public static ReportDto Report(DiagnosticReport report, IReadOnlyDictionary<string, Observation> observations) => new(
        report.Id!,
        report.Category.FirstOrDefault()?.Text ?? report.Category.SelectMany(c => c.Coding).FirstOrDefault()?.Code ?? "",
        report.Code?.Text ?? "",
        report.Status ?? "",
        At(report.Issued),
        report.Conclusion,
        report.Result.Select(r => r.IdFor("Observation")).OfType<string>()
            .Select(id => observations.GetValueOrDefault(id)).OfType<Observation>().Select(Item).ToList());

    public static ObservationItemDto Item(Observation o)
    {
        var flag = o.Interpretation.SelectMany(i => i.Coding).FirstOrDefault()?.Code;
        var range = o.ReferenceRange.FirstOrDefault();
        var value = o.ValueQuantity?.Value?.ToString(CultureInfo.InvariantCulture) ?? o.ValueString ?? o.ValueCodeableConcept?.Text ?? "";
        return new ObservationItemDto(o.Id!, o.Code?.Text ?? "", o.Code?.Coding.FirstOrDefault(c => c.System == "http://loinc.org")?.Code,
            value, o.ValueQuantity?.Value, o.ValueQuantity?.Unit ?? "", range?.Text ?? "", range?.Low?.Value, range?.High?.Value,
            flag, o.Interpretation.FirstOrDefault()?.Text, flag is not (null or "N"), flag is "HH" or "LL" or "AA");
    }

    public static PrescriptionDto Prescription(MedicationRequest m) => new(
        m.Id!, m.Status ?? "", m.Category.FirstOrDefault()?.Text ?? "",
        m.MedicationCodeableConcept?.Text ?? m.MedicationReference?.Display ?? "",
        At(m.AuthoredOn), m.Requester?.Display ?? "",
        m.DosageInstruction.Select(d => d.Text).OfType<string>().ToList(),
        m.DispenseRequest?.Quantity is { } q ? $"{q.Value?.ToString(CultureInfo.InvariantCulture)}{q.Unit}" : null,
        m.DispenseRequest?.ExpectedSupplyDuration is { } d ? $"{d.Value?.ToString(CultureInfo.InvariantCulture)}{d.Unit}" : null);

    public static ChargeDto Charge(ChargeItem c) => new(
        c.Id!, c.Status ?? "", c.Code?.Text ?? "", At(c.OccurrenceDateTime), c.Quantity?.Value ?? 1,
        c.PriceOverride?.ToFen() ?? 0);

    public static InvoiceDto Invoice(Invoice i) => new(
        i.Id!, i.Identifier.FirstOrDefault()?.Value ?? "", i.Status ?? "", i.Type?.Text ?? "", At(i.Date),
        (i.TotalGross ?? i.TotalNet)?.ToFen() ?? 0, i.Status == "issued",
        i.LineItem.Select(l => l.ChargeItemReference?.IdFor("ChargeItem")).OfType<string>().ToList());

    public static DepositDto Deposit(Account a) => new(
        a.Id!, a.Name ?? "", a.Status ?? "",
        a.GetExtension(HisSystems.DepositTotal)?.ValueMoney?.ToFen() ?? 0,
        a.GetExtension(HisSystems.ChargesTotal)?.ValueMoney?.ToFen() ?? 0,
        a.GetExtension(HisSystems.DepositBalance)?.ValueMoney?.ToFen() ?? 0,
        At(a.ServicePeriod?.Start), At(a.ServicePeriod?.End));

    private static DateTimeOffset? At(FhirDateTime? value) => value?.ToDateTimeOffset(HisSystems.Shanghai);
}
