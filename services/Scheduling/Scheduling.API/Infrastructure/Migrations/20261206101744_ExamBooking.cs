using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scheduling.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ExamBooking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exam_appointments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_his_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    item_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    slot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_his_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    room_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    his_appointment_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exam_appointments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "exam_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    his_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    item_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    service_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    preparation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    fasting_required = table.Column<bool>(type: "boolean", nullable: false),
                    ordered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ordered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exam_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "exam_rooms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    his_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    service_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    service_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exam_rooms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "exam_slots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    room_id = table.Column<Guid>(type: "uuid", nullable: false),
                    schedule_his_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exam_slots", x => x.id);
                    table.ForeignKey(
                        name: "fk_exam_slots_exam_rooms_room_id",
                        column: x => x.room_id,
                        principalTable: "exam_rooms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exam_units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    his_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    slot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    his_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    held_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exam_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_exam_units_exam_slots_slot_id",
                        column: x => x.slot_id,
                        principalTable: "exam_slots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_exam_appointments_patient_id_starts_at",
                table: "exam_appointments",
                columns: new[] { "patient_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ux_exam_appointments_active_order",
                table: "exam_appointments",
                column: "order_id",
                unique: true,
                filter: "status IN ('locking', 'awaitingPayment', 'booked')");

            migrationBuilder.CreateIndex(
                name: "ix_exam_orders_patient_id",
                table: "exam_orders",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_exam_rooms_his_id",
                table: "exam_rooms",
                column: "his_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exam_rooms_service_code",
                table: "exam_rooms",
                column: "service_code");

            migrationBuilder.CreateIndex(
                name: "ix_exam_slots_room_id_date",
                table: "exam_slots",
                columns: new[] { "room_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_exam_slots_schedule_his_id_starts_at_ends_at",
                table: "exam_slots",
                columns: new[] { "schedule_his_id", "starts_at", "ends_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exam_units_his_id",
                table: "exam_units",
                column: "his_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exam_units_slot_id",
                table: "exam_units",
                column: "slot_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exam_appointments");

            migrationBuilder.DropTable(
                name: "exam_orders");

            migrationBuilder.DropTable(
                name: "exam_units");

            migrationBuilder.DropTable(
                name: "exam_slots");

            migrationBuilder.DropTable(
                name: "exam_rooms");
        }
    }
}
