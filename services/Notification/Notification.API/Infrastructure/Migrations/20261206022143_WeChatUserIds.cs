using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notification.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class WeChatUserIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Openids in clear move to legacy_open_id under a placeholder WeChat user id; LegacyOpenIds (a start-up step)
            // replaces each placeholder by the real id and erases legacy_open_id before the service serves.
            migrationBuilder.DropPrimaryKey(name: "pk_wechat_followers", table: "wechat_followers");
            migrationBuilder.DropIndex(name: "ix_wechat_bindings_open_id", table: "wechat_bindings");
            foreach (var table in new[] { "wechat_followers", "wechat_bindings" })
            {
                migrationBuilder.RenameColumn(name: "open_id", table: table, newName: "legacy_open_id");
                migrationBuilder.AlterColumn<string>(name: "legacy_open_id", table: table, type: "text", nullable: true,
                    oldClrType: typeof(string), oldType: "text");
                migrationBuilder.AddColumn<Guid>(name: "wechat_user_id", table: table, type: "uuid", nullable: false,
                    defaultValueSql: "gen_random_uuid()");
                migrationBuilder.Sql($"ALTER TABLE {table} ALTER COLUMN wechat_user_id DROP DEFAULT");
            }
            migrationBuilder.AddPrimaryKey(name: "pk_wechat_followers", table: "wechat_followers", column: "wechat_user_id");
            migrationBuilder.CreateIndex(name: "ix_wechat_bindings_wechat_user_id", table: "wechat_bindings", column: "wechat_user_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_wechat_followers",
                table: "wechat_followers");

            migrationBuilder.DropIndex(
                name: "ix_wechat_bindings_wechat_user_id",
                table: "wechat_bindings");

            migrationBuilder.DropColumn(
                name: "wechat_user_id",
                table: "wechat_followers");

            migrationBuilder.DropColumn(
                name: "legacy_open_id",
                table: "wechat_followers");

            migrationBuilder.DropColumn(
                name: "legacy_open_id",
                table: "wechat_bindings");

            migrationBuilder.DropColumn(
                name: "wechat_user_id",
                table: "wechat_bindings");

            migrationBuilder.AddColumn<string>(
                name: "open_id",
                table: "wechat_followers",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "open_id",
                table: "wechat_bindings",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "pk_wechat_followers",
                table: "wechat_followers",
                column: "open_id");

            migrationBuilder.CreateIndex(
                name: "ix_wechat_bindings_open_id",
                table: "wechat_bindings",
                column: "open_id",
                unique: true);
        }
    }
}
