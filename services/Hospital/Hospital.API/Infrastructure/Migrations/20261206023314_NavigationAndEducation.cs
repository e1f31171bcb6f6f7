using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hospital.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class NavigationAndEducation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "education_articles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    specialty = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    department_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    diseases = table.Column<List<string>>(type: "text[]", nullable: false),
                    summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, defaultValue: ""),
                    body = table.Column<string>(type: "text", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_count = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    is_active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_education_articles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "floor_maps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    campus = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    building = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    floor = table.Column<int>(type: "integer", nullable: false),
                    svg = table.Column<string>(type: "text", nullable: false),
                    width = table.Column<double>(type: "double precision", nullable: false),
                    height = table.Column<double>(type: "double precision", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_floor_maps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "map_drawings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    svg = table.Column<string>(type: "text", nullable: false),
                    width = table.Column<double>(type: "double precision", nullable: false),
                    height = table.Column<double>(type: "double precision", nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_map_drawings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "map_places",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    floor_map_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    room = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: ""),
                    department_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    keywords = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, defaultValue: ""),
                    x = table.Column<double>(type: "double precision", nullable: false),
                    y = table.Column<double>(type: "double precision", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_map_places", x => x.id);
                    table.ForeignKey(
                        name: "fk_map_places_floor_maps_floor_map_id",
                        column: x => x.floor_map_id,
                        principalTable: "floor_maps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_education_articles_slug",
                table: "education_articles",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_education_articles_specialty",
                table: "education_articles",
                column: "specialty");

            migrationBuilder.CreateIndex(
                name: "ix_floor_maps_campus_building_floor",
                table: "floor_maps",
                columns: new[] { "campus", "building", "floor" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_floor_maps_code",
                table: "floor_maps",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_map_places_department_code",
                table: "map_places",
                column: "department_code");

            migrationBuilder.CreateIndex(
                name: "ix_map_places_floor_map_id",
                table: "map_places",
                column: "floor_map_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "education_articles");

            migrationBuilder.DropTable(
                name: "map_drawings");

            migrationBuilder.DropTable(
                name: "map_places");

            migrationBuilder.DropTable(
                name: "floor_maps");
        }
    }
}
