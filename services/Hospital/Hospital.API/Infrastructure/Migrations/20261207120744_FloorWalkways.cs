using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hospital.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class FloorWalkways : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "node_id",
                table: "map_places",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "walkway",
                table: "floor_maps",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"metersPerUnit\":0.1,\"nodes\":[],\"edges\":[]}'::jsonb");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "node_id",
                table: "map_places");

            migrationBuilder.DropColumn(
                name: "walkway",
                table: "floor_maps");
        }
    }
}
