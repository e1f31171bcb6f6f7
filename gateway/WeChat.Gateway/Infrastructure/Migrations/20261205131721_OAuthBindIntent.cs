using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeChat.Gateway.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class OAuthBindIntent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "intent",
                table: "oauth_tickets",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "intent",
                table: "oauth_states",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "intent",
                table: "oauth_tickets");

            migrationBuilder.DropColumn(
                name: "intent",
                table: "oauth_states");
        }
    }
}
