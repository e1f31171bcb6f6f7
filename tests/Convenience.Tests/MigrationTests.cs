using Convenience.API.Infrastructure;

namespace Convenience.Tests;

/// <summary>The model has no changes without a migration, and the migrations build an empty database.</summary>
public sealed class MigrationTests : Platform.Testing.MigrationTests<ConvenienceDbContext>;
