using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeChat.Gateway.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class MiniProgramSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "app",
                table: "oauth_tickets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "service_account");

            migrationBuilder.AddColumn<string>(
                name: "union_id_encrypted",
                table: "oauth_tickets",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "miniprogram_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    open_id_encrypted = table.Column<string>(type: "text", nullable: false),
                    union_id_encrypted = table.Column<string>(type: "text", nullable: true),
                    session_key_encrypted = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_miniprogram_sessions", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "miniprogram_sessions");

            migrationBuilder.DropColumn(
                name: "app",
                table: "oauth_tickets");

            migrationBuilder.DropColumn(
                name: "union_id_encrypted",
                table: "oauth_tickets");
        }
    }
}
