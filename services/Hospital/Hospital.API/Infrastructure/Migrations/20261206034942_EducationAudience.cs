using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hospital.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class EducationAudience : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "patient_account_links",
                columns: table => new
                {
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_account_links", x => new { x.patient_id, x.account_id });
                });

            migrationBuilder.CreateTable(
                name: "patient_department_visits",
                columns: table => new
                {
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    department_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    last_booked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_department_visits", x => new { x.patient_id, x.department_name });
                });

            migrationBuilder.CreateIndex(
                name: "ix_patient_account_links_account_id",
                table: "patient_account_links",
                column: "account_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patient_account_links");

            migrationBuilder.DropTable(
                name: "patient_department_visits");
        }
    }
}
