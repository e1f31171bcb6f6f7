using Platform.ServiceDefaults;
using Reports.API.Apis;
using Reports.API.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapRecordsApi();
app.MapAccessLogApi();
app.MapSharesApi();
app.MapKnowledgeApi();
app.Run();

public partial class Program;
