using HisAdapter.API.Apis;
using HisAdapter.API.Extensions;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapPushesApi();
app.MapSubscriptionNotificationsApi();
app.MapPatientRecordsApi();
app.Run();

public partial class Program;
