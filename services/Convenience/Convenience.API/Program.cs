using Convenience.API.Apis;
using Convenience.API.Extensions;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCatalogueApi();
app.MapCatalogueAdminApi();
app.MapFulfilmentApi();
app.MapHomeCareApi();
app.MapChronicApi();
app.Run();

public partial class Program;
