using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeChat.Gateway.Infrastructure.Migrations
{
    /// <summary>Profiles (unionid, nickname, avatar) are kept only encrypted. Users' plaintext moves to legacy columns that
    /// <c>LegacyProfiles</c> seals and erases at start-up; tickets live minutes and are one-time, so the ones in flight are
    /// dropped (their holders go through WeChat again).</summary>
    public partial class EncryptProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM oauth_tickets;");
            migrationBuilder.DropColumn(name: "head_image_url", table: "oauth_tickets");
            migrationBuilder.DropColumn(name: "nickname", table: "oauth_tickets");
            migrationBuilder.DropColumn(name: "union_id", table: "oauth_tickets");
            migrationBuilder.RenameColumn(name: "union_id_encrypted", table: "oauth_tickets", newName: "profile_encrypted");

            migrationBuilder.RenameColumn(name: "union_id", table: "wechat_users", newName: "legacy_union_id");
            migrationBuilder.RenameColumn(name: "nickname", table: "wechat_users", newName: "legacy_nickname");
            migrationBuilder.RenameColumn(name: "head_image_url", table: "wechat_users", newName: "legacy_head_image_url");
            migrationBuilder.AddColumn<string>(name: "profile_encrypted", table: "wechat_users", type: "text", nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "profile_encrypted", table: "wechat_users");
            migrationBuilder.RenameColumn(name: "legacy_union_id", table: "wechat_users", newName: "union_id");
            migrationBuilder.RenameColumn(name: "legacy_nickname", table: "wechat_users", newName: "nickname");
            migrationBuilder.RenameColumn(name: "legacy_head_image_url", table: "wechat_users", newName: "head_image_url");

            migrationBuilder.Sql("DELETE FROM oauth_tickets;");
            migrationBuilder.RenameColumn(name: "profile_encrypted", table: "oauth_tickets", newName: "union_id_encrypted");
            migrationBuilder.AddColumn<string>(name: "head_image_url", table: "oauth_tickets", type: "text", nullable: true);
            migrationBuilder.AddColumn<string>(name: "nickname", table: "oauth_tickets", type: "text", nullable: true);
            migrationBuilder.AddColumn<string>(name: "union_id", table: "oauth_tickets", type: "text", nullable: true);
        }
    }
}
