using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Queue.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ExamPharmacyHealthCard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "item_name",
                table: "visit_appointments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "preparation",
                table: "visit_appointments",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "preparation_sent_at",
                table: "visit_appointments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "clinic_queues",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "clinic");

            migrationBuilder.CreateIndex(
                name: "ix_visit_appointments_preparation_sent_at_starts_at",
                table: "visit_appointments",
                columns: new[] { "preparation_sent_at", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_clinic_queues_day_kind",
                table: "clinic_queues",
                columns: new[] { "day", "kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_visit_appointments_preparation_sent_at_starts_at",
                table: "visit_appointments");

            migrationBuilder.DropIndex(
                name: "ix_clinic_queues_day_kind",
                table: "clinic_queues");

            migrationBuilder.DropColumn(
                name: "item_name",
                table: "visit_appointments");

            migrationBuilder.DropColumn(
                name: "preparation",
                table: "visit_appointments");

            migrationBuilder.DropColumn(
                name: "preparation_sent_at",
                table: "visit_appointments");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "clinic_queues");
        }
    }
}
