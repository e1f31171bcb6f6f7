using Platform.ServiceDefaults;
using WeChat.Gateway.Apis;
using WeChat.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCallbackApi();
app.MapOAuthApi();
app.MapJsSdkApi();
app.MapMiniProgramApi();
app.Run();

public partial class Program;
