using FollowUp.API.Apis;
using FollowUp.API.Extensions;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapSurveysApi();
app.MapComplaintsApi();
app.MapStaffQuestionnairesApi();
app.MapStaffComplaintsApi();
app.MapStaffMembersApi();
app.MapStaffPlansApi();
app.MapStaffResponsesApi();
app.MapStaffStatsApi();
app.Run();

public partial class Program;
