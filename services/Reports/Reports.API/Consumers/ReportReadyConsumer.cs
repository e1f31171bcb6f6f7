using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Reports;
using Platform.Messaging.Inbox;
using Reports.API.Domain;
using Reports.API.Infrastructure;

namespace Reports.API.Consumers;

/// <summary>A report became final: remember whose it is (the message's link opens it) and let the next list ask the
/// HIS again instead of showing a cached list without it.</summary>
public sealed class ReportReadyConsumer(ReportsDbContext db) : IdempotentConsumer<ReportReadyIntegrationEvent, ReportsDbContext>(db)
{
    protected override async Task HandleAsync(ReportReadyIntegrationEvent e, ConsumeContext<ReportReadyIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        await Db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO report_index (report_id, patient_id, his_report_id) VALUES ({e.ReportId}, {e.PatientId}, {e.HisReportId}) ON CONFLICT DO NOTHING", ct);
        await Db.Set<RecordSnapshot>().Where(s => s.PatientId == e.PatientId && s.Kind == RecordKinds.Reports).ExecuteDeleteAsync(ct);
    }
}
