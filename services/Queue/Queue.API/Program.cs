using Platform.ServiceDefaults;
using Queue.API.Apis;
using Queue.API.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCheckInApi();
app.MapMyQueuesApi();
app.MapQueueDeskApi();
app.MapPublicApi();
app.MapHealthCardApi();
app.MapItineraryApi();
app.Run();

public partial class Program;
