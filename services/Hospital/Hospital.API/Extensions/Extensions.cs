using Hospital.API.Infrastructure;
using Hospital.API.Infrastructure.Seed;
using Platform.Messaging;
using Platform.Persistence;

namespace Hospital.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<HospitalDbContext>("hospitaldb", MessagingSetup.Migrations);
        builder.Services.AddSeeder<HospitalDbContext, DepartmentSeeder>();
        builder.AddPlatformMessaging<HospitalDbContext>("hospital");
    }
}
