using Microsoft.AspNetCore.SignalR;

// The baseline for tests/Benchmarks/push.sh: the same hub path and event as Notification.API, with no broker,
// database or authentication in between. POST /broadcast/{id} sends one event to every connection.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR();
var app = builder.Build();
app.MapHub<BroadcastHub>("/hubs/notifications");
app.MapPost("/broadcast/{id}", async (string id, IHubContext<BroadcastHub> hub) =>
{
    await hub.Clients.All.SendAsync("hospitalChanged", new { kind = "department", id, changedAt = DateTimeOffset.UtcNow });
    return Results.Accepted();
});
app.MapGet("/health", () => "ok");
app.Run();

internal sealed class BroadcastHub : Hub;
