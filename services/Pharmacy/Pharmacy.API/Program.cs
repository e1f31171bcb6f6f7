using Pharmacy.API.Apis;
using Pharmacy.API.Extensions;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapMedicationsApi();
app.MapDrugKnowledgeApi();
app.MapPharmacistApi();
app.MapDeliveryApi();
app.MapCourierCallbackApi();
app.Run();

public partial class Program;
