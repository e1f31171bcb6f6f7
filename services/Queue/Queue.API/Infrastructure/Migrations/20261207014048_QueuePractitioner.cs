using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Queue.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class QueuePractitioner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "practitioner_his_id",
                table: "clinic_queues",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "practitioner_his_id",
                table: "clinic_queues");
        }
    }
}
