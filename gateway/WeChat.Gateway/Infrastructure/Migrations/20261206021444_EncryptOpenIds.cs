using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeChat.Gateway.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class EncryptOpenIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Openids in clear move to legacy_open_id under a placeholder id; LegacyOpenIds (a start-up step) gives each row
            // its WeChat user id and encrypted openid, then erases legacy_open_id, before the gateway serves.
            migrationBuilder.DropPrimaryKey(name: "pk_wechat_users", table: "wechat_users");
            migrationBuilder.RenameColumn(name: "open_id", table: "wechat_users", newName: "legacy_open_id");
            migrationBuilder.AlterColumn<string>(name: "legacy_open_id", table: "wechat_users", type: "text", nullable: true,
                oldClrType: typeof(string), oldType: "text");
            migrationBuilder.AddColumn<Guid>(name: "id", table: "wechat_users", type: "uuid", nullable: false,
                defaultValueSql: "gen_random_uuid()");
            migrationBuilder.AddColumn<string>(name: "open_id_encrypted", table: "wechat_users", type: "text", nullable: false,
                defaultValue: "");
            migrationBuilder.Sql("ALTER TABLE wechat_users ALTER COLUMN id DROP DEFAULT, ALTER COLUMN open_id_encrypted DROP DEFAULT");
            migrationBuilder.AddPrimaryKey(name: "pk_wechat_users", table: "wechat_users", column: "id");

            migrationBuilder.RenameColumn(name: "open_id", table: "sent_messages", newName: "legacy_open_id");
            migrationBuilder.AlterColumn<string>(name: "legacy_open_id", table: "sent_messages", type: "text", nullable: true,
                oldClrType: typeof(string), oldType: "text");
            migrationBuilder.AddColumn<Guid>(name: "wechat_user_id", table: "sent_messages", type: "uuid", nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Dedup records (kept for WeChat's retries, seconds) and one-time tickets (minutes) hold openids in clear and
            // are worth nothing after an upgrade: they go rather than being rewritten.
            migrationBuilder.Sql("DELETE FROM processed_callbacks");
            migrationBuilder.DropColumn(name: "open_id", table: "processed_callbacks");
            migrationBuilder.AddColumn<Guid>(name: "wechat_user_id", table: "processed_callbacks", type: "uuid", nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
            migrationBuilder.Sql("DELETE FROM oauth_tickets");
            migrationBuilder.RenameColumn(name: "open_id", table: "oauth_tickets", newName: "open_id_encrypted");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_wechat_users",
                table: "wechat_users");

            migrationBuilder.DropColumn(
                name: "id",
                table: "wechat_users");

            migrationBuilder.DropColumn(
                name: "legacy_open_id",
                table: "wechat_users");

            migrationBuilder.DropColumn(
                name: "legacy_open_id",
                table: "sent_messages");

            migrationBuilder.DropColumn(
                name: "wechat_user_id",
                table: "sent_messages");

            migrationBuilder.DropColumn(
                name: "wechat_user_id",
                table: "processed_callbacks");

            migrationBuilder.RenameColumn(
                name: "open_id_encrypted",
                table: "wechat_users",
                newName: "open_id");

            migrationBuilder.RenameColumn(
                name: "open_id_encrypted",
                table: "oauth_tickets",
                newName: "open_id");

            migrationBuilder.AddColumn<string>(
                name: "open_id",
                table: "sent_messages",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "open_id",
                table: "processed_callbacks",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "pk_wechat_users",
                table: "wechat_users",
                column: "open_id");
        }
    }
}
