using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pharmacy.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "allergy_classes",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    terms = table.Column<List<string>>(type: "text[]", nullable: false),
                    cross_reactive = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allergy_classes", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "courier_nonces",
                columns: table => new
                {
                    nonce = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_courier_nonces", x => x.nonce);
                });

            migrationBuilder.CreateTable(
                name: "delivery_addresses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    province = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    city = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    district = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    address_line = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_addresses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "delivery_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prescription_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    drug_names = table.Column<List<string>>(type: "text[]", nullable: false),
                    cold_chain = table.Column<bool>(type: "boolean", nullable: false),
                    recipient = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    province = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    city = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    district = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    address_line = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    fee_fen = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    waybill_no = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    courier_sequence = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    pay_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    released_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    waybill_lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    waybill_attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dose_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prescription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    times = table.Column<List<string>>(type: "text[]", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    next_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dose_reminders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "drug_interactions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    drug_a = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    drug_b = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    advice = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drug_interactions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "drugs",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    drug_class = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    therapeutic_group = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    allergy_class = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    pregnancy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    min_age_years = table.Column<int>(type: "integer", nullable: false),
                    max_daily_dose_mg = table.Column<decimal>(type: "numeric(12,3)", precision: 12, scale: 3, nullable: true),
                    cold_chain = table.Column<bool>(type: "boolean", nullable: false),
                    controlled = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    indications = table.Column<string>(type: "text", nullable: false),
                    dosage = table.Column<string>(type: "text", nullable: false),
                    contraindications = table.Column<string>(type: "text", nullable: false),
                    adverse_reactions = table.Column<string>(type: "text", nullable: false),
                    storage = table.Column<string>(type: "text", nullable: false),
                    how_to_take = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reviewed_by = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drugs", x => x.code);
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
                name: "patient_medication_contexts",
                columns: table => new
                {
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    age_years = table.Column<int>(type: "integer", nullable: true),
                    sex = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    pregnant = table.Column<bool>(type: "boolean", nullable: false),
                    weight_kg = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    allergies = table.Column<List<string>>(type: "text[]", nullable: false),
                    conditions = table.Column<List<string>>(type: "text[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_medication_contexts", x => x.patient_id);
                });

            migrationBuilder.CreateTable(
                name: "pharmacist_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    alert_id = table.Column<Guid>(type: "uuid", nullable: true),
                    question = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    answered_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pharmacist_questions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "prescriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    his_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    encounter_his_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    drug_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    drug_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    dose_value = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true),
                    dose_unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    times_per_day = table.Column<int>(type: "integer", nullable: true),
                    as_needed = table.Column<bool>(type: "boolean", nullable: false),
                    route = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dosage_text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    duration_days = table.Column<int>(type: "integer", nullable: true),
                    quantity = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    prescriber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    authored_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dispense_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    dispensed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prescriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "read_audits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: true),
                    what = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_read_audits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "safety_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: false),
                    advice = table.Column<string>(type: "text", nullable: false),
                    drug_names = table.Column<List<string>>(type: "text[]", nullable: false),
                    prescription_his_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reviewed_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    review_note = table.Column<string>(type: "text", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "delivery_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    courier_event_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_delivery_steps_delivery_orders_delivery_id",
                        column: x => x.delivery_id,
                        principalTable: "delivery_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_courier_nonces_received_at",
                table: "courier_nonces",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_delivery_addresses_account_id",
                table: "delivery_addresses",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_delivery_orders_patient_id_created_at",
                table: "delivery_orders",
                columns: new[] { "patient_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_orders_status",
                table: "delivery_orders",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_delivery_orders_waybill_no",
                table: "delivery_orders",
                column: "waybill_no",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_delivery_steps_courier_event_id",
                table: "delivery_steps",
                column: "courier_event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_delivery_steps_delivery_id",
                table: "delivery_steps",
                column: "delivery_id");

            migrationBuilder.CreateIndex(
                name: "ix_dose_reminders_next_due_at",
                table: "dose_reminders",
                column: "next_due_at",
                filter: "enabled");

            migrationBuilder.CreateIndex(
                name: "ix_dose_reminders_prescription_id",
                table: "dose_reminders",
                column: "prescription_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_drug_interactions_drug_a_drug_b",
                table: "drug_interactions",
                columns: new[] { "drug_a", "drug_b" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_drugs_name",
                table: "drugs",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "created_at" },
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pharmacist_questions_patient_id",
                table: "pharmacist_questions",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_prescriptions_patient_id_his_id",
                table: "prescriptions",
                columns: new[] { "patient_id", "his_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_read_audits_patient_id_at",
                table: "read_audits",
                columns: new[] { "patient_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_patient_id_key",
                table: "safety_alerts",
                columns: new[] { "patient_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_status_raised_at",
                table: "safety_alerts",
                columns: new[] { "status", "raised_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "allergy_classes");

            migrationBuilder.DropTable(
                name: "courier_nonces");

            migrationBuilder.DropTable(
                name: "delivery_addresses");

            migrationBuilder.DropTable(
                name: "delivery_steps");

            migrationBuilder.DropTable(
                name: "dose_reminders");

            migrationBuilder.DropTable(
                name: "drug_interactions");

            migrationBuilder.DropTable(
                name: "drugs");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "patient_medication_contexts");

            migrationBuilder.DropTable(
                name: "pharmacist_questions");

            migrationBuilder.DropTable(
                name: "prescriptions");

            migrationBuilder.DropTable(
                name: "read_audits");

            migrationBuilder.DropTable(
                name: "safety_alerts");

            migrationBuilder.DropTable(
                name: "delivery_orders");
        }
    }
}
