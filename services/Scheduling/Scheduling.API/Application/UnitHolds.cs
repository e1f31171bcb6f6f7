using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Application;

/// <summary>Taking and giving back HIS units. The take is one conditional UPDATE in PostgreSQL: concurrent bookers skip
/// each other's locked rows, so a slot is never held beyond its units whatever the concurrency. A unit is held by an
/// appointment or by an offer (<see cref="SlotOffer"/>); while a session has waitlisted patients its freed units (and an
/// added session's units, <see cref="WaitlistReservations"/>) are theirs, handed out in join order by the
/// <see cref="OfferWorker"/>, so other bookers do not see them.</summary>
public static class UnitHolds
{
    private const string TakeSql = """
        UPDATE slot_units SET held_by = @appointment
        WHERE id = (SELECT id FROM slot_units
                    WHERE slot_id = @slot AND held_by IS NULL AND NOT closed AND his_status = 'free' AND
        """ + "\n" + WaitlistReservations.NotHeldForWaitlistSql + "\n" + """
                    ORDER BY starts_at, his_id LIMIT 1 FOR UPDATE SKIP LOCKED)
          AND held_by IS NULL
        RETURNING id, his_id
        """;

    /// <summary>The same conditional take for an exam room's window (closed only by an equipment outage).</summary>
    private const string TakeExamSql = """
        UPDATE exam_units SET held_by = @appointment
        WHERE id = (SELECT id FROM exam_units
                    WHERE slot_id = @slot AND held_by IS NULL AND outage_id IS NULL AND his_status = 'free'
                    ORDER BY his_id LIMIT 1 FOR UPDATE SKIP LOCKED)
          AND held_by IS NULL
        RETURNING id, his_id
        """;

    private const string TakeForWaitlistSql = """
        UPDATE slot_units SET held_by = @holder
        WHERE id = (SELECT u.id FROM slot_units u JOIN slots s ON s.id = u.slot_id
                    WHERE u.session_id = ANY(@sessions) AND u.held_by IS NULL AND NOT u.closed AND u.his_status = 'free' AND s.starts_at > @now
                    ORDER BY u.starts_at, u.his_id LIMIT 1 FOR UPDATE OF u SKIP LOCKED)
          AND held_by IS NULL
        RETURNING id, his_id, slot_id
        """;

    private const string HandOverSql = "UPDATE slot_units SET held_by = @to WHERE id = @unit AND held_by = @from";
    private const string HandOverExamSql = "UPDATE exam_units SET held_by = @to WHERE id = @unit AND held_by = @from";

    /// <summary>In the current transaction: the earliest free unit that has not started in one of the sessions (the
    /// waitlisted one, and the doctor's added sessions that day), for its first waitlisted patient; null when none is free.</summary>
    public static async Task<(Guid Id, string HisId, Guid SlotId)?> TakeForWaitlistAsync(this SchedulingDbContext db,
        IReadOnlyCollection<Guid> sessionIds, Guid offerId, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = Command(db, TakeForWaitlistSql);
        var sessions = command.CreateParameter();
        sessions.ParameterName = "sessions";
        sessions.Value = sessionIds.ToArray();
        command.Parameters.Add(sessions);
        command.Parameters.Add(Parameter(command, "holder", offerId));
        var at = command.CreateParameter();
        at.ParameterName = "now";
        at.Value = now.ToUniversalTime();
        command.Parameters.Add(at);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2));
    }

    /// <summary>Moves a unit from one holder to another (an offer to its appointment, or an offer back to nobody); false
    /// when <paramref name="from"/> no longer holds it.</summary>
    public static Task<bool> HandOverAsync(this SchedulingDbContext db, Guid unitId, Guid from, Guid? to, CancellationToken ct) =>
        HandOverAsync(db, HandOverSql, unitId, from, to, ct);

    /// <summary>The same for an exam unit (an <see cref="ExamOffer"/> to its exam appointment, or back to nobody).</summary>
    public static Task<bool> HandOverExamAsync(this SchedulingDbContext db, Guid unitId, Guid from, Guid? to, CancellationToken ct) =>
        HandOverAsync(db, HandOverExamSql, unitId, from, to, ct);

    private static async Task<bool> HandOverAsync(SchedulingDbContext db, string sql, Guid unitId, Guid from, Guid? to, CancellationToken ct)
    {
        await using var command = Command(db, sql);
        command.Parameters.Add(Parameter(command, "unit", unitId));
        command.Parameters.Add(Parameter(command, "from", from));
        var target = command.CreateParameter();
        target.ParameterName = "to";
        target.Value = to is { } id ? id : DBNull.Value;
        target.DbType = System.Data.DbType.Guid;
        command.Parameters.Add(target);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private static DbCommand Command(SchedulingDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("a unit changes hands inside a transaction");
        command.CommandText = sql;
        return command;
    }

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
