using Platform.ServiceDefaults;
using Scheduling.API.Apis;
using Scheduling.API.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCatalogueApi();
app.MapAppointmentsApi();
app.MapStaffApi();
app.MapStaffChangesApi();
app.MapExamsApi();
app.MapOffersApi();
app.MapExamOffersApi();
app.MapWaitlistApi();
app.Run();

public partial class Program;
