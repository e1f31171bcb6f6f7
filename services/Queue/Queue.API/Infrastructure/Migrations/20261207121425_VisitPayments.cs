using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Queue.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class VisitPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "visit_payments",
                columns: table => new
                {
                    payment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_payments", x => x.payment_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_visit_payments_patient_id_paid_at",
                table: "visit_payments",
                columns: new[] { "patient_id", "paid_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "visit_payments");
        }
    }
}
