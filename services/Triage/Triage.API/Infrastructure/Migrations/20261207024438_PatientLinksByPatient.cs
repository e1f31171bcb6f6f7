using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PatientLinksByPatient : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_patient_links_patient_id",
                table: "patient_links",
                column: "patient_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_patient_links_patient_id",
                table: "patient_links");
        }
    }
}
