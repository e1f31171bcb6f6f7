using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Pharmacy.API.Application;
using Pharmacy.API.Domain;
using Platform.Persistence;

namespace Pharmacy.API.Infrastructure.Seed;

/// <summary>Finishes the SealDeliveryContacts migration: recipients, phones and street addresses that earlier versions
/// stored in clear (kept by the migration as legacy_* columns) are sealed into contact_cipher, then the clear columns
/// are dropped. Runs on every start; once the columns are gone it does nothing.</summary>
internal sealed class ClearContactSealer(DeliveryContacts contacts) : ISeeder<PharmacyDbContext>
{
    private static readonly (string Table, Func<Guid, string> Context)[] Tables =
    [
        ("delivery_orders", DeliveryContacts.OrderContext),
        ("delivery_addresses", DeliveryContacts.AddressContext),
    ];

    public async Task SeedAsync(PharmacyDbContext db, CancellationToken ct)
    {
        foreach (var (table, context) in Tables)
        {
            if (!await HasLegacyColumnsAsync(db, table, ct)) continue;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var rows = new List<(Guid Id, DeliveryContact Contact)>();
            var conn = db.Database.GetDbConnection();
            await using (var read = Command(conn, $"SELECT id, legacy_recipient, legacy_phone, legacy_address_line FROM {table} WHERE contact_cipher = ''"))
            await using (var reader = await read.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    rows.Add((reader.GetGuid(0), new DeliveryContact(reader.GetString(1), reader.GetString(2), reader.GetString(3))));
            // Table names come from the constant list above, never from input.
            var update = $"UPDATE {table} SET contact_cipher = {{0}} WHERE id = {{1}}";
            foreach (var (id, contact) in rows)
                await db.Database.ExecuteSqlRawAsync(update, [contacts.Seal(contact, context(id)), id], ct);
            var drop = $"ALTER TABLE {table} DROP COLUMN legacy_recipient, DROP COLUMN legacy_phone, DROP COLUMN legacy_address_line";
            await db.Database.ExecuteSqlRawAsync(drop, ct);
            await tx.CommitAsync(ct);
        }
    }

    private static async Task<bool> HasLegacyColumnsAsync(PharmacyDbContext db, string table, CancellationToken ct)
    {
        await using var check = Command(db.Database.GetDbConnection(),
            $"SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}' AND column_name = 'legacy_recipient'");
        if (check.Connection!.State != System.Data.ConnectionState.Open) await check.Connection.OpenAsync(ct);
        return Convert.ToInt64(await check.ExecuteScalarAsync(ct)) > 0;
    }

    private static DbCommand Command(DbConnection conn, string sql)
    {
        var command = conn.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
