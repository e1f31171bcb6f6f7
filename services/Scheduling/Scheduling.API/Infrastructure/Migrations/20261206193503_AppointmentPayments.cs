using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scheduling.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AppointmentPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "paid_by_appointment_id",
                table: "appointments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "paid_fen",
                table: "appointments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "paid_by_appointment_id",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "paid_fen",
                table: "appointments");
        }
    }
}
