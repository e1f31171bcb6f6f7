using Hospital.API.Application.Content;
using Hospital.API.Application.Doctors;
using Hospital.API.Application.Education;
using Hospital.API.Application.Navigation;
using Hospital.API.Application.Publishing;
using Hospital.API.Consumers;
using Hospital.API.Infrastructure;
using Hospital.API.Infrastructure.Seed;
using Hospital.API.Infrastructure.Seed.Education;
using Hospital.API.Infrastructure.Seed.Navigation;
using Platform.Messaging;
using Platform.Persistence;

namespace Hospital.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<HospitalDbContext>("hospitaldb");
        builder.Services.AddPublishing();
        builder.Services.AddPublishableContent<HospitalProfile>(HospitalProfile.Slug, "医院介绍", HospitalProfile.Key);
        builder.Services.AddPublishableContent<DepartmentContent>(DepartmentContent.Slug, "科室介绍");
        builder.Services.AddPublishableContent<DoctorProfile>(DoctorProfile.Slug, "医生介绍");
        builder.Services.AddPublishableContent<Guide>(Guide.Slug, "就医指南与预约须知");
        builder.Services.AddScoped<DoctorDirectory>();
        // With a HIS connected, departments come from its sync; the demo list serves where there is none (tests).
        if (builder.Configuration.GetValue("Hospital:SeedDemoDepartments", false))
        {
            builder.Services.AddSeeder<HospitalDbContext, DepartmentSeeder>();
            builder.Services.AddSeeder<HospitalDbContext, DoctorSeeder>();
        }
        // The demo hospital's profile, department texts and guides, published by the system (local stack, tests).
        if (builder.Configuration.GetValue("Hospital:SeedDemoContent", false))
            builder.Services.AddSeeder<HospitalDbContext, DemoContentSeeder>();
        builder.AddNavigationAndEducation();
        builder.AddPlatformMessaging<HospitalDbContext>("hospital", bus =>
        {
            bus.AddConsumer<HisDepartmentSyncedConsumer>();
            bus.AddConsumer<HisPractitionerSyncedConsumer>();
            bus.AddConsumer<HisScheduleSlotsSyncedConsumer>();
            bus.AddConsumer<PatientRegisteredConsumer>();
            bus.AddConsumer<PatientRemovedConsumer>();
            bus.AddConsumer<AccountClosedConsumer>();
            bus.AddConsumer<AppointmentBookedConsumer>();
        });
    }

    /// <summary>Indoor maps (R23) and health education (R35). The demo hospital's floors and articles are seeded with the
    /// rest of its content (<c>Hospital:SeedDemoContent</c>, off unless asked for: a real hospital draws its own);
    /// staff edits are never overwritten.</summary>
    private static void AddNavigationAndEducation(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EducationOptions>(builder.Configuration.GetSection(EducationOptions.Section));
        builder.Services.AddSingleton<ArticleSearchIndex>();
        builder.Services.AddScoped<ArticleRecommendations>();
        builder.Services.AddPublishableContent<HealthArticleDocument>(EducationContent.Slug, EducationContent.Label);
        builder.Services.AddScoped<IContentPublishedHandler<HealthArticleDocument>, HealthArticlePublishedHandler>();
        builder.Services.AddPublishableContent<FloorMapDocument>(NavigationContent.Slug, NavigationContent.Label);
        builder.Services.AddScoped<IContentPublishedHandler<FloorMapDocument>, FloorMapPublishedHandler>();
        builder.Services.AddScoped<RoutePlanner>();
        if (builder.Configuration.GetValue("Hospital:SeedDemoContent", false))
        {
            builder.Services.AddSeeder<HospitalDbContext, NavigationSeeder>();
            builder.Services.AddSeeder<HospitalDbContext, EducationSeeder>();
        }
    }
}
