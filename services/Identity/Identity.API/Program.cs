using Identity.API.Apis;
using Identity.API.Extensions;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapPublicApi();
app.MapAccountsApi();
app.MapTokenApi();
app.MapMeApi();
app.MapMiniProgramMeApi();
app.MapPreferencesApi();
app.MapPatientsApi();
app.MapAccountSecurityApi();
app.MapInternalPatientsApi();
app.MapCliniciansApi();
app.Run();

public partial class Program;
