using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payment.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Bills : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "his_reference",
                table: "payment_orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "patient_links",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_links", x => new { x.account_id, x.patient_id });
                });

            migrationBuilder.CreateIndex(
                name: "ux_payment_orders_open_bill",
                table: "payment_orders",
                columns: new[] { "kind", "his_reference" },
                unique: true,
                filter: "kind = 'outpatient' AND status = 'pending' AND withdrawn_reason IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patient_links");

            migrationBuilder.DropIndex(
                name: "ux_payment_orders_open_bill",
                table: "payment_orders");

            migrationBuilder.DropColumn(
                name: "his_reference",
                table: "payment_orders");
        }
    }
}
