using Microsoft.AspNetCore.Hosting;

namespace Hospital.Tests;

/// <summary>A service never trusts the development signing key (it is in source control) outside Development and Testing.</summary>
public sealed class StartupGuardTests(HospitalServiceFixture fixture) : IClassFixture<HospitalServiceFixture>
{
    [Fact]
    [Trait("Rubric", "S01")]
    public void Outside_development_and_testing_a_service_without_an_authority_refuses_to_start()
    {
        using var production = fixture.Service.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var error = Assert.ThrowsAny<Exception>(() => production.Server);
        Assert.Contains("Auth:Authority", error.ToString());
    }
}
