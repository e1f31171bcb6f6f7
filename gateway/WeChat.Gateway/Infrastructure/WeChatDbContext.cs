using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using WeChat.Gateway.Domain;

namespace WeChat.Gateway.Infrastructure;

public sealed class WeChatDbContext(DbContextOptions<WeChatDbContext> options) : DbContext(options)
{
    public DbSet<ProcessedCallback> ProcessedCallbacks => Set<ProcessedCallback>();
    public DbSet<WeChatUser> Users => Set<WeChatUser>();
    public DbSet<OAuthState> OAuthStates => Set<OAuthState>();
    public DbSet<OAuthTicket> OAuthTickets => Set<OAuthTicket>();
    public DbSet<SentMessage> SentMessages => Set<SentMessage>();
    public DbSet<MiniProgramSession> MiniProgramSessions => Set<MiniProgramSession>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(WeChatDbContext).Assembly);
        model.AddOutboxAndInbox();
    }
}
