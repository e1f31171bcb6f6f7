using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Fhir.Validation;

namespace Fhir.Tests.Validation;

/// <summary>One validator for the class: unpacking the specification takes seconds, as it does once per service.</summary>
public sealed class ValidatorFixture : IDisposable
{
    public FhirResourceValidator Validator { get; } = new(TimeProvider.System,
        Options.Create(new FhirValidationOptions { ReleaseAfterIdle = TimeSpan.Zero }));

    public void Dispose() => Validator.Dispose();
}

public class ValidatorTests(ValidatorFixture fixture) : IClassFixture<ValidatorFixture>
{
    private const string IdNumber = "42010219410130325X";

    private static Patient ValidPatient() => new()
    {
        Identifier = [new Identifier("urn:oid:2.16.156.10011.1.2", IdNumber) { Use = Identifier.IdentifierUse.Official }],
        Active = true,
        Name = [new HumanName { Use = HumanName.NameUse.Official, Text = "许鹤" }],
        Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, "15864351175")],
        Gender = AdministrativeGender.Male,
        BirthDate = "1941-01-30",
    };

    /// <summary>A phone number without a system breaks invariant cpt-2; a month 13 breaks the date pattern.</summary>
    private static Patient InvalidPatient()
    {
        var patient = ValidPatient();
        patient.Telecom = [new ContactPoint { Value = "15864351175" }];
        patient.BirthDateElement = new Date("1941-13-30");
        return patient;
    }

    [Fact]
    public async Task A_valid_resource_is_accepted()
    {
        Assert.Empty(await fixture.Validator.ValidateAsync(ValidPatient()));
        Assert.Empty(await fixture.Validator.ValidateAsync(new Appointment
        {
            Status = Appointment.AppointmentStatus.Booked,
            Start = new DateTimeOffset(2024, 5, 6, 8, 0, 0, TimeSpan.FromHours(8)),
            End = new DateTimeOffset(2024, 5, 6, 8, 30, 0, TimeSpan.FromHours(8)),
            Participant = [new Appointment.ParticipantComponent { Actor = new ResourceReference("Patient/p1"), Status = ParticipationStatus.Accepted }],
        }));
    }

    [Fact]
    public async Task An_invalid_resource_is_reported_by_path_without_its_values()
    {
        var issues = await fixture.Validator.ValidateAsync(InvalidPatient());

        Assert.Contains(issues, i => i.Location.StartsWith("Patient.telecom[0]", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Location.StartsWith("Patient.birthDate", StringComparison.Ordinal));
        Assert.DoesNotContain(issues, i => i.ToString().Contains("1941") || i.ToString().Contains("15864351175"));
    }

    [Fact]
    public async Task The_client_refuses_to_send_an_invalid_resource_and_logs_no_personal_data()
    {
        await using var server = await Client.FakeFhirServer.StartAsync((app, _) =>
            app.MapPost("/fhir/Patient", (HttpContext context) => Client.FakeFhirServer.Write(context, new Patient { Id = "new" }, 201)));
        var logs = new Client.ListLoggerProvider();
        await using var services = Client.ClientFactory.Services(server, validator: fixture.Validator, logs: logs);
        var client = services.GetRequiredService<FhirClient>();

        var refused = await Assert.ThrowsAsync<FhirResourceInvalidException>(() => client.CreateAsync(InvalidPatient()));
        Assert.Empty(server.Requests);

        var created = await client.CreateAsync(ValidPatient());
        Assert.Equal("new", created!.Id);
        Assert.Single(server.Requests);

        Assert.Equal("Patient", refused.ResourceType);
        var log = Assert.Single(logs.Lines, l => l.Contains("invalid Patient"));
        foreach (var text in new[] { log, refused.Message })
        {
            Assert.DoesNotContain(IdNumber, text);
            Assert.DoesNotContain("15864351175", text);
            Assert.DoesNotContain("许鹤", text);
            Assert.DoesNotContain("1941", text);
        }
    }
}
