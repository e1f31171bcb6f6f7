using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Platform.Fhir.Validation;

namespace Fhir.Tests.Validation;

public class ValidatorReleaseTests
{
    [Fact]
    public async Task An_idle_validator_lets_the_specification_go_and_loads_it_again_for_the_next_write()
    {
        var clock = new FakeTimeProvider();
        using var validator = new FhirResourceValidator(clock,
            Options.Create(new FhirValidationOptions { ReleaseAfterIdle = TimeSpan.FromMinutes(4) }));
        await validator.WarmAsync();
        Assert.True(validator.IsWarm);

        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.True(validator.IsWarm);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(validator.IsWarm);

        var issues = await validator.ValidateAsync(new Patient { BirthDateElement = new Date("1941-13-30") });
        Assert.Contains(issues, i => i.Location.StartsWith("Patient.birthDate", StringComparison.Ordinal));
        Assert.True(validator.IsWarm);
    }
}
