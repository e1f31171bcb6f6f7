using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pharmacy.API.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryOrderVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "delivery_orders",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "delivery_orders");
        }
    }
}
