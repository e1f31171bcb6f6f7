using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HisAdapter.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CommandOrdering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "ordering_keys",
                table: "his_commands",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.CreateIndex(
                name: "ix_his_commands_pending_order",
                table: "his_commands",
                columns: new[] { "created_at", "id" },
                filter: "status = 'pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_his_commands_pending_order",
                table: "his_commands");

            migrationBuilder.DropColumn(
                name: "ordering_keys",
                table: "his_commands");
        }
    }
}
