using Platform.ServiceDefaults;
using Triage.API.Apis;
using Triage.API.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapTriageApi();
app.MapKnowledgeAdminApi();
app.MapPreVisitApi();
app.Run();

public partial class Program;
