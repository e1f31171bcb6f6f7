using Consultation.API.Apis;
using Consultation.API.Extensions;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDoctorsApi();
app.MapConsultationsApi();
app.MapMessagesApi();
app.MapMediaApi();
app.MapDoctorDeskApi();
app.MapFollowUpApi();
app.MapPrescriptionsApi();
app.MapVideoCallApi();
app.Run();

public partial class Program;
