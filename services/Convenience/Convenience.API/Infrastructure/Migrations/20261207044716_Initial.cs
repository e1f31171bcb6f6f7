using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Convenience.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chronic_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reading_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_by = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chronic_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "chronic_readings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    systolic = table.Column<int>(type: "integer", nullable: true),
                    diastolic = table.Column<int>(type: "integer", nullable: true),
                    value = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    context = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    measured_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    out_of_range = table.Column<bool>(type: "boolean", nullable: false),
                    alert_text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chronic_readings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "chronic_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    time_of_day = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    next_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chronic_reminders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "chronic_thresholds",
                columns: table => new
                {
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    low = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    high = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    diastolic_low = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    diastolic_high = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    set_by = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chronic_thresholds", x => new { x.patient_id, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "home_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    service_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    visit_date = table.Column<DateOnly>(type: "date", nullable: false),
                    half_day = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    contact_name_cipher = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    contact_phone_cipher = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    contact_address_cipher = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    contact_district = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    order_reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    condition = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nurse_name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    nurse_phone_cipher = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    assigned_by = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    record = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    pay_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_home_visits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "text", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "inpatients",
                columns: table => new
                {
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ward = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    bed = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inpatients", x => x.patient_id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    correlation_id = table.Column<string>(type: "text", nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    leased_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lease_owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
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
                name: "read_audits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: true),
                    what = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_read_audits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    price_fen = table.Column<long>(type: "bigint", nullable: false),
                    unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    stock = table.Column<int>(type: "integer", nullable: true),
                    returnable = table.Column<bool>(type: "boolean", nullable: false),
                    max_quantity = table.Column<int>(type: "integer", nullable: false),
                    inpatient_only = table.Column<bool>(type: "boolean", nullable: false),
                    needs_address = table.Column<bool>(type: "boolean", nullable: false),
                    must_show = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_items", x => x.id);
                    table.CheckConstraint("ck_service_items_stock", "stock IS NULL OR stock >= 0");
                });

            migrationBuilder.CreateTable(
                name: "service_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    service_date = table.Column<DateOnly>(type: "date", nullable: true),
                    window_id = table.Column<Guid>(type: "uuid", nullable: true),
                    window_text = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    location = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    contact_name_cipher = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    contact_phone_cipher = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    contact_address_cipher = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: true),
                    contact_district = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    holds_capacity = table.Column<bool>(type: "boolean", nullable: false),
                    tracking_no = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    handled_by = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    pay_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "window_bookings",
                columns: table => new
                {
                    window_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    booked = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_window_bookings", x => new { x.window_id, x.date });
                    table.CheckConstraint("ck_window_bookings_booked", "booked >= 0");
                });

            migrationBuilder.CreateTable(
                name: "home_visit_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_home_visit_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_home_visit_steps_home_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "home_visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_windows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    end = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    capacity_per_day = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_windows", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_windows_service_items_item_id",
                        column: x => x.item_id,
                        principalTable: "service_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_order_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_order_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_order_steps_service_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "service_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_chronic_alerts_acknowledged_at_raised_at",
                table: "chronic_alerts",
                columns: new[] { "acknowledged_at", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_chronic_alerts_reading_id",
                table: "chronic_alerts",
                column: "reading_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chronic_readings_patient_id_kind_measured_at",
                table: "chronic_readings",
                columns: new[] { "patient_id", "kind", "measured_at" });

            migrationBuilder.CreateIndex(
                name: "ix_chronic_reminders_active_next_due_at",
                table: "chronic_reminders",
                columns: new[] { "active", "next_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_chronic_reminders_patient_id_kind",
                table: "chronic_reminders",
                columns: new[] { "patient_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_home_visit_steps_visit_id",
                table: "home_visit_steps",
                column: "visit_id");

            migrationBuilder.CreateIndex(
                name: "ix_home_visits_patient_id_created_at",
                table: "home_visits",
                columns: new[] { "patient_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_home_visits_visit_date_status",
                table: "home_visits",
                columns: new[] { "visit_date", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "created_at" },
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_patient_links_patient_id",
                table: "patient_links",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_read_audits_patient_id",
                table: "read_audits",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_items_code",
                table: "service_items",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_order_steps_order_id",
                table: "service_order_steps",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_orders_patient_id_created_at",
                table: "service_orders",
                columns: new[] { "patient_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_service_orders_provider_status",
                table: "service_orders",
                columns: new[] { "provider", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_service_windows_item_id",
                table: "service_windows",
                column: "item_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chronic_alerts");

            migrationBuilder.DropTable(
                name: "chronic_readings");

            migrationBuilder.DropTable(
                name: "chronic_reminders");

            migrationBuilder.DropTable(
                name: "chronic_thresholds");

            migrationBuilder.DropTable(
                name: "home_visit_steps");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "inpatients");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "patient_links");

            migrationBuilder.DropTable(
                name: "read_audits");

            migrationBuilder.DropTable(
                name: "service_order_steps");

            migrationBuilder.DropTable(
                name: "service_windows");

            migrationBuilder.DropTable(
                name: "window_bookings");

            migrationBuilder.DropTable(
                name: "home_visits");

            migrationBuilder.DropTable(
                name: "service_orders");

            migrationBuilder.DropTable(
                name: "service_items");
        }
    }
}
