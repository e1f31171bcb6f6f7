using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Identity.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PractitionerLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "practitioner_his_id",
                table: "accounts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "practitioner_departments",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practitioner_departments", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "practitioner_link_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    previous_practitioner_his_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    practitioner_his_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practitioner_link_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "practitioners",
                columns: table => new
                {
                    his_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    staff_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    department_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practitioners", x => x.his_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_practitioner_his_id",
                table: "accounts",
                column: "practitioner_his_id",
                unique: true,
                filter: "practitioner_his_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_practitioner_link_changes_account_id_changed_at",
                table: "practitioner_link_changes",
                columns: new[] { "account_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_practitioners_name",
                table: "practitioners",
                column: "name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "practitioner_departments");

            migrationBuilder.DropTable(
                name: "practitioner_link_changes");

            migrationBuilder.DropTable(
                name: "practitioners");

            migrationBuilder.DropIndex(
                name: "ix_accounts_practitioner_his_id",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "practitioner_his_id",
                table: "accounts");
        }
    }
}
