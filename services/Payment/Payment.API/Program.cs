using Payment.API.Apis;
using Payment.API.Extensions;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapOrdersApi();
app.MapBillsApi();
app.MapInsuranceApi();
app.MapWeChatPayNotifyApi();
app.MapPaymentAdminApi();
app.Run();

public partial class Program;
