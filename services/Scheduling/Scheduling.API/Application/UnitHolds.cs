using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Application;

/// <summary>Taking and giving back HIS units. The take is one conditional UPDATE in PostgreSQL: concurrent bookers skip
/// each other's locked rows, so a slot is never held beyond its units whatever the concurrency.</summary>
public static class UnitHolds
{
    private const string TakeSql = """
        UPDATE slot_units SET held_by = @appointment
        WHERE id = (SELECT id FROM slot_units
                    WHERE slot_id = @slot AND held_by IS NULL AND NOT closed AND his_status = 'free'
                    ORDER BY starts_at, his_id LIMIT 1 FOR UPDATE SKIP LOCKED)
          AND held_by IS NULL
        RETURNING id, his_id
        """;

    /// <summary>The same conditional take for an exam room's window (exam units have no staff closing).</summary>
    private const string TakeExamSql = """
        UPDATE exam_units SET held_by = @appointment
        WHERE id = (SELECT id FROM exam_units
                    WHERE slot_id = @slot AND held_by IS NULL AND his_status = 'free'
                    ORDER BY his_id LIMIT 1 FOR UPDATE SKIP LOCKED)
          AND held_by IS NULL
        RETURNING id, his_id
        """;

    /// <summary>In the current transaction: one free unit of the slot, now held by the appointment; null when none is left.</summary>
    public static Task<(Guid Id, string HisId)?> TakeAsync(this SchedulingDbContext db, Guid slotId, Guid appointmentId, CancellationToken ct) =>
        TakeAsync(db, TakeSql, slotId, appointmentId, ct);

    public static Task<(Guid Id, string HisId)?> TakeExamUnitAsync(this SchedulingDbContext db, Guid slotId, Guid appointmentId, CancellationToken ct) =>
        TakeAsync(db, TakeExamSql, slotId, appointmentId, ct);

    private static async Task<(Guid Id, string HisId)?> TakeAsync(SchedulingDbContext db, string sql, Guid slotId, Guid appointmentId, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("a unit is taken inside the booking's transaction");
        command.CommandText = sql;
        command.Parameters.Add(Parameter(command, "slot", slotId));
        command.Parameters.Add(Parameter(command, "appointment", appointmentId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (reader.GetGuid(0), reader.GetString(1));
    }

    /// <summary>Frees the appointment's unit (tracked, saved with the appointment's step).</summary>
    public static async Task ReleaseAsync(this SchedulingDbContext db, Appointment appointment, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == appointment.UnitId, ct);
        if (unit?.HeldBy == appointment.Id) unit.HeldBy = null;
    }

    private static DbParameter Parameter(DbCommand command, string name, Guid value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        return p;
    }
}
