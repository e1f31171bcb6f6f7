using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Identity.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class MiniProgramSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "app",
                table: "wechat_bind_tokens",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "service_account");

            migrationBuilder.AddColumn<string>(
                name: "union_id_encrypted",
                table: "wechat_bind_tokens",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "app",
                table: "wechat_bind_intents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "union_id_encrypted",
                table: "wechat_bind_intents",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "miniprogram_open_id_encrypted",
                table: "accounts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "miniprogram_open_id_hash",
                table: "accounts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "wechat_union_id_hash",
                table: "accounts",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "handover_tickets",
                columns: table => new
                {
                    ticket_hash = table.Column<string>(type: "text", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handover_tickets", x => x.ticket_hash);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_miniprogram_open_id_hash",
                table: "accounts",
                column: "miniprogram_open_id_hash",
                unique: true,
                filter: "miniprogram_open_id_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_wechat_union_id_hash",
                table: "accounts",
                column: "wechat_union_id_hash",
                unique: true,
                filter: "wechat_union_id_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_handover_tickets_expires_at",
                table: "handover_tickets",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "handover_tickets");

            migrationBuilder.DropIndex(
                name: "ix_accounts_miniprogram_open_id_hash",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_accounts_wechat_union_id_hash",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "app",
                table: "wechat_bind_tokens");

            migrationBuilder.DropColumn(
                name: "union_id_encrypted",
                table: "wechat_bind_tokens");

            migrationBuilder.DropColumn(
                name: "app",
                table: "wechat_bind_intents");

            migrationBuilder.DropColumn(
                name: "union_id_encrypted",
                table: "wechat_bind_intents");

            migrationBuilder.DropColumn(
                name: "miniprogram_open_id_encrypted",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "miniprogram_open_id_hash",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "wechat_union_id_hash",
                table: "accounts");
        }
    }
}
