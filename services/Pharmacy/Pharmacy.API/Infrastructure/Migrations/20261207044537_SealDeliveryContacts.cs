using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pharmacy.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SealDeliveryContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The clear columns are kept as nullable legacy_* columns instead of dropped: ClearContactSealer seals
            // their values into contact_cipher at start-up (encryption needs the service's keys) and then drops them.
            foreach (var table in new[] { "delivery_orders", "delivery_addresses" })
            {
                foreach (var (column, length) in new[] { ("recipient", 30), ("phone", 20), ("address_line", 100) })
                {
                    migrationBuilder.RenameColumn(name: column, table: table, newName: "legacy_" + column);
                    migrationBuilder.AlterColumn<string>(name: "legacy_" + column, table: table, type: $"character varying({length})",
                        maxLength: length, nullable: true, oldClrType: typeof(string), oldType: $"character varying({length})",
                        oldMaxLength: length);
                }
            }

            migrationBuilder.AddColumn<string>(
                name: "contact_cipher",
                table: "delivery_orders",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "contact_cipher",
                table: "delivery_addresses",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "contact_cipher",
                table: "delivery_orders");

            migrationBuilder.DropColumn(
                name: "contact_cipher",
                table: "delivery_addresses");

            migrationBuilder.AddColumn<string>(
                name: "address_line",
                table: "delivery_orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "phone",
                table: "delivery_orders",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "recipient",
                table: "delivery_orders",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "address_line",
                table: "delivery_addresses",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "phone",
                table: "delivery_addresses",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "recipient",
                table: "delivery_addresses",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");
        }
    }
}
