using Hospital.API.Consumers;
using Hospital.API.Infrastructure;
using Hospital.API.Infrastructure.Seed;
using Platform.Messaging;
using Platform.Persistence;

namespace Hospital.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<HospitalDbContext>("hospitaldb");
        // With a HIS connected, departments come from its sync; the demo list serves where there is none (tests).
        if (builder.Configuration.GetValue("Hospital:SeedDemoDepartments", false))
            builder.Services.AddSeeder<HospitalDbContext, DepartmentSeeder>();
        builder.AddPlatformMessaging<HospitalDbContext>("hospital", bus => bus.AddConsumer<HisDepartmentSyncedConsumer>());
    }
}
