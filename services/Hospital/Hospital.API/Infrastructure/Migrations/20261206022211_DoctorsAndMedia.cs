using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hospital.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DoctorsAndMedia : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clinic_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    schedule_his_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    practitioner_his_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    department_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    total_slots = table.Column<int>(type: "integer", nullable: false),
                    free_slots = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "doctors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    his_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    title = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    department_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    expertise = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    introduction = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    registration_fee_fen = table.Column<long>(type: "bigint", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_doctors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "media_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_files", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_clinic_sessions_practitioner_his_id_date",
                table: "clinic_sessions",
                columns: new[] { "practitioner_his_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_clinic_sessions_schedule_his_id_date_period",
                table: "clinic_sessions",
                columns: new[] { "schedule_his_id", "date", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_doctors_his_id",
                table: "doctors",
                column: "his_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clinic_sessions");

            migrationBuilder.DropTable(
                name: "doctors");

            migrationBuilder.DropTable(
                name: "media_files");
        }
    }
}
