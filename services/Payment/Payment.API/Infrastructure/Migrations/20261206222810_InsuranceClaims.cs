using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payment.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class InsuranceClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "insured_fen",
                table: "payment_orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "insurance_claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    authorize_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    insured_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    insured_name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    insurance_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    pre_settlement_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    pre_settlement_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    total_fen = table.Column<long>(type: "bigint", nullable: false),
                    fund_pay_fen = table.Column<long>(type: "bigint", nullable: false),
                    account_pay_fen = table.Column<long>(type: "bigint", nullable: false),
                    self_pay_fen = table.Column<long>(type: "bigint", nullable: false),
                    lines = table.Column<string>(type: "jsonb", nullable: false),
                    settlement_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reversed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failure_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_insurance_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_insurance_claims_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "payment_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_insurance_claims_next_attempt_at",
                table: "insurance_claims",
                column: "next_attempt_at",
                filter: "next_attempt_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_insurance_claims_order_id",
                table: "insurance_claims",
                column: "order_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insurance_claims");

            migrationBuilder.DropColumn(
                name: "insured_fen",
                table: "payment_orders");
        }
    }
}
