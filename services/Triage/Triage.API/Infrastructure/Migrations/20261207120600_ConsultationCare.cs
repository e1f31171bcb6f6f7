using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ConsultationCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "care_until",
                table: "visit_appointments",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "care_until",
                table: "visit_appointments");
        }
    }
}
