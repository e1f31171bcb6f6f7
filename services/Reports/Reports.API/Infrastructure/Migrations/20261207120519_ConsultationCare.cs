using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reports.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ConsultationCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consultation_care",
                columns: table => new
                {
                    consultation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_his_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    care_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultation_care", x => x.consultation_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consultation_care_patient_id_practitioner_his_id",
                table: "consultation_care",
                columns: new[] { "patient_id", "practitioner_his_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consultation_care");
        }
    }
}
