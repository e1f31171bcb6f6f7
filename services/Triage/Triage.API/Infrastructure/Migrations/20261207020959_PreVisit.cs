using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PreVisit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "health_data_access",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    practitioner_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    what = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_data_access", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "health_profiles",
                columns: table => new
                {
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: false),
                    fhir_bundle = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_profiles", x => x.patient_id);
                });

            migrationBuilder.CreateTable(
                name: "patient_complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint = table.Column<string>(type: "text", nullable: false),
                    body_part = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    symptoms = table.Column<List<string>>(type: "text[]", nullable: false),
                    answers = table.Column<List<string>>(type: "text[]", nullable: false),
                    departments = table.Column<List<string>>(type: "text[]", nullable: false),
                    emergency = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_complaints", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "screenings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    form = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: true),
                    temperature = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_screenings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "visit_appointments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    doctor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    department_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    doctor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_appointments", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_health_data_access_patient_id_at",
                table: "health_data_access",
                columns: new[] { "patient_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_patient_complaints_patient_id_at",
                table: "patient_complaints",
                columns: new[] { "patient_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_screenings_appointment_id",
                table: "screenings",
                column: "appointment_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_screenings_patient_id",
                table: "screenings",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_appointments_doctor_id_starts_at",
                table: "visit_appointments",
                columns: new[] { "doctor_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_visit_appointments_patient_id",
                table: "visit_appointments",
                column: "patient_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "health_data_access");

            migrationBuilder.DropTable(
                name: "health_profiles");

            migrationBuilder.DropTable(
                name: "patient_complaints");

            migrationBuilder.DropTable(
                name: "patient_links");

            migrationBuilder.DropTable(
                name: "screenings");

            migrationBuilder.DropTable(
                name: "visit_appointments");
        }
    }
}
