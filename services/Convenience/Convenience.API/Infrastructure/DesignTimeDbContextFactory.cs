using Platform.Persistence;

namespace Convenience.API.Infrastructure;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service or reaching a database.</summary>
internal sealed class DesignTimeDbContextFactory : PlatformDesignTimeFactory<ConvenienceDbContext>;
