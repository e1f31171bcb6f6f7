using Notification.API.Apis;
using Notification.API.Extensions;
using Notification.API.Hubs;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapMessagesApi();
app.MapPreferencesApi();
app.MapMiniProgramSubscriptionsApi();
app.MapHub<NotificationsHub>("/hubs/notifications");
app.Run();

public partial class Program;
