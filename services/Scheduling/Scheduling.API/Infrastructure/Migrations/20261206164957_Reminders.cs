using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scheduling.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appointment_reminders",
                columns: table => new
                {
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointment_reminders", x => x.appointment_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_exam_appointments_starts_at",
                table: "exam_appointments",
                column: "starts_at",
                filter: "status = 'booked'");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_starts_at",
                table: "appointments",
                column: "starts_at",
                filter: "status = 'booked'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointment_reminders");

            migrationBuilder.DropIndex(
                name: "ix_exam_appointments_starts_at",
                table: "exam_appointments");

            migrationBuilder.DropIndex(
                name: "ix_appointments_starts_at",
                table: "appointments");
        }
    }
}
