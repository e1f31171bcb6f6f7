using Hospital.API.Apis;
using Hospital.API.Extensions;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDepartmentsApi();
app.MapContentAdminApi();
app.MapHospitalInfoApi();
app.MapDoctorsApi();
app.MapMediaApi();
app.MapNavigationApi();
app.MapEducationApi();
app.Run();

public partial class Program;
