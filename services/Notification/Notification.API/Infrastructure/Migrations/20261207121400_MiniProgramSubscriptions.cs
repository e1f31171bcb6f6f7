using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notification.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class MiniProgramSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "deliveries_channel_check",
                table: "deliveries");

            migrationBuilder.CreateTable(
                name: "miniprogram_bindings",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    wechat_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bound_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_miniprogram_bindings", x => x.account_id);
                });

            migrationBuilder.CreateTable(
                name: "miniprogram_grants",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    one_time = table.Column<int>(type: "integer", nullable: false),
                    long_term = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_miniprogram_grants", x => new { x.account_id, x.template_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_one_wechat_message",
                table: "deliveries",
                column: "message_id",
                unique: true,
                filter: "channel IN ('wechat', 'miniprogram')");

            migrationBuilder.AddCheckConstraint(
                name: "deliveries_channel_check",
                table: "deliveries",
                sql: "channel IN ('in-app', 'wechat', 'miniprogram', 'sms')");

            migrationBuilder.CreateIndex(
                name: "ix_miniprogram_bindings_wechat_user_id",
                table: "miniprogram_bindings",
                column: "wechat_user_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "miniprogram_bindings");

            migrationBuilder.DropTable(
                name: "miniprogram_grants");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_one_wechat_message",
                table: "deliveries");

            migrationBuilder.DropCheckConstraint(
                name: "deliveries_channel_check",
                table: "deliveries");

            migrationBuilder.AddCheckConstraint(
                name: "deliveries_channel_check",
                table: "deliveries",
                sql: "channel IN ('in-app', 'wechat', 'sms')");
        }
    }
}
