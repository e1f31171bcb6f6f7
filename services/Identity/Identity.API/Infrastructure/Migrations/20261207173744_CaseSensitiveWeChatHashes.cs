using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Identity.API.Infrastructure.Migrations
{
    /// <summary>WeChat look-up hashes were taken of the upper-cased id; openids and unionids are case-sensitive. The hashes
    /// are cleared here and taken again at start-up from the encrypted openids (<c>CaseSensitiveWeChatHashes</c>); unionids
    /// were only hashed and are recorded again at the next sign-in through a bound openid.</summary>
    public partial class CaseSensitiveWeChatHashes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE accounts SET we_chat_open_id_hash = NULL WHERE we_chat_open_id_encrypted IS NOT NULL;
                UPDATE accounts SET miniprogram_open_id_hash = NULL WHERE miniprogram_open_id_encrypted IS NOT NULL;
                UPDATE accounts SET wechat_union_id_hash = NULL WHERE wechat_union_id_hash IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
