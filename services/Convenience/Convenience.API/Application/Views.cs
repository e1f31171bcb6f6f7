using Convenience.API.Domain;
using Platform.Security.Masking;

namespace Convenience.API.Application;

public sealed record WindowDto(Guid Id, string Start, string End, string Text, int CapacityPerDay, int? Left, bool Active);

public sealed record ItemDto(
    Guid Id, string Code, string Name, string Category, string Description, long PriceFen, string Unit, string Provider, string ProviderText,
    int? Stock, bool Returnable, int MaxQuantity, bool InpatientOnly, bool NeedsAddress, string? MustShow, bool Active,
    IReadOnlyList<WindowDto> Windows)
{
    public static ItemDto From(ServiceItem i, IReadOnlyDictionary<Guid, int>? booked = null, bool staff = false) => new(
        i.Id, i.Code, i.Name, i.Category, i.Description, i.PriceFen, i.Unit, i.Provider, Providers.TextOf(i.Provider), i.Stock, i.Returnable,
        i.MaxQuantity, i.InpatientOnly, i.NeedsAddress, i.MustShow, i.Active,
        i.Windows.Where(w => staff || w.Active).OrderBy(w => w.Start).Select(w => new WindowDto(w.Id, w.Start.ToString("HH:mm"), w.End.ToString("HH:mm"),
            w.Text, w.CapacityPerDay, booked is null ? null : Math.Max(w.CapacityPerDay - booked.GetValueOrDefault(w.Id), 0), w.Active)).ToList());
}

public sealed record StepDto(string Status, string Text, string? Note, DateTimeOffset At);

public sealed record OrderDto(
    Guid Id, Guid PatientId, string ItemCode, string ItemName, string Provider, string ProviderText, int Quantity, long AmountFen,
    DateOnly? ServiceDate, string? WindowText, string? Note, string? Location, ContactDto? Contact, string Status, string StatusText,
    string? TrackingNo, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset PayBy, DateTimeOffset? PaidAt, bool Cancellable,
    IReadOnlyList<StepDto> Steps)
{
    public static OrderDto From(ServiceOrder o, Contacts contacts) => new(
        o.Id, o.PatientId, o.ItemCode, o.ItemName, o.Provider, Providers.TextOf(o.Provider), o.Quantity, o.AmountFen, o.ServiceDate, o.WindowText,
        o.Note, o.Location, contacts.Masked(o.Id, o.Contact), o.Status, ServiceOrderStatus.TextOf(o.Status), o.TrackingNo, o.Reason,
        o.CreatedAt, o.PayBy, o.PaidAt, o.Status is ServiceOrderStatus.AwaitingPayment or ServiceOrderStatus.Paid,
        o.Steps.OrderBy(s => s.At).Select(s => new StepDto(s.Status, s.Text, s.Note, s.At)).ToList());
}

public sealed record FullContactDto(string Name, string Phone, string District, string Address);

public sealed record HomeServiceDto(string Code, string Name, long PriceFen, bool NeedsOrderReference, string Eligibility);

public sealed record VisitDto(
    Guid Id, Guid PatientId, string ServiceCode, string ServiceName, long AmountFen, DateOnly VisitDate, string HalfDay, string HalfDayText,
    ContactDto Contact, string? OrderReference, string? Condition, string Status, string StatusText, string? NurseName, string? NursePhone,
    string? Record, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset PayBy, bool Cancellable, IReadOnlyList<StepDto> Steps)
{
    public static VisitDto From(HomeVisit v, Contacts contacts) => new(
        v.Id, v.PatientId, v.ServiceCode, v.ServiceName, v.AmountFen, v.VisitDate, v.HalfDay, HomeVisits.HalfDayText(v.HalfDay),
        contacts.Masked(v.Id, v.Contact)!, v.OrderReference, v.Condition, v.Status, HomeVisitStatus.TextOf(v.Status), v.NurseName,
        v.NursePhoneCipher is null ? null : Mask.Phone(contacts.OpenPhone(v.Id, v.NursePhoneCipher)), v.Record, v.Reason,
        v.CreatedAt, v.PayBy, v.Status is HomeVisitStatus.AwaitingPayment or HomeVisitStatus.Paid or HomeVisitStatus.Assigned,
        v.Steps.OrderBy(s => s.At).Select(s => new StepDto(s.Status, s.Text, s.Note, s.At)).ToList());
}

public sealed record ReadingDto(
    Guid Id, string Kind, string KindText, int? Systolic, int? Diastolic, decimal? Value, string Unit, string ValueText, string? Context,
    string Source, DateTimeOffset MeasuredAt, bool OutOfRange, string? AlertText)
{
    public static ReadingDto From(ChronicReading r) => new(r.Id, r.Kind, ReadingKinds.TextOf(r.Kind), r.Systolic, r.Diastolic, r.Value,
        ReadingKinds.UnitOf(r.Kind), ChronicCare.ValueText(r), r.Context, r.Source, r.MeasuredAt, r.OutOfRange, r.AlertText);
}

public sealed record ThresholdDto(string Kind, string KindText, decimal? Low, decimal? High, decimal? DiastolicLow, decimal? DiastolicHigh,
    string RangeText, string SetBy, DateTimeOffset SetAt)
{
    public static ThresholdDto From(ChronicThreshold t) => new(t.Kind, ReadingKinds.TextOf(t.Kind), t.Low, t.High, t.DiastolicLow, t.DiastolicHigh,
        ChronicCare.RangeText(t.Kind, t), t.SetBy, t.SetAt);
}

public sealed record ReminderDto(Guid Id, string Kind, string KindText, string Time, bool Active, DateTimeOffset NextDueAt)
{
    public static ReminderDto From(ChronicReminder r) => new(r.Id, r.Kind, ReadingKinds.TextOf(r.Kind), r.TimeOfDay.ToString("HH:mm"), r.Active, r.NextDueAt);
}

public sealed record AlertDto(Guid Id, Guid ReadingId, Guid PatientId, string Kind, string KindText, string Text, DateTimeOffset RaisedAt,
    string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? Note)
{
    public static AlertDto From(ChronicAlert a) => new(a.Id, a.ReadingId, a.PatientId, a.Kind, ReadingKinds.TextOf(a.Kind), a.Text, a.RaisedAt,
        a.AcknowledgedBy, a.AcknowledgedAt, a.Note);
}
