using Platform.Fhir.Model;
using Platform.Fhir.Resources;

namespace Fhir.Tests.Serialization;

public class DataTypeTests
{
    [Theory]
    [InlineData("2024")]
    [InlineData("2024-05")]
    [InlineData("2024-05-06")]
    [InlineData("2024-05-06T08:00:00+08:00")]
    [InlineData("2024-05-06T08:00:00.123Z")]
    public void Valid_fhir_dates_are_accepted(string text)
    {
        Assert.Equal(text, new FhirDateTime(text).Value);
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-05-06T08:00")]
    [InlineData("2024-05-06T08:00:00")]
    [InlineData("24-05-06")]
    [InlineData("")]
    public void Invalid_fhir_dates_are_rejected(string text)
    {
        Assert.Throws<FormatException>(() => new FhirDateTime(text));
    }

    [Fact]
    public void Date_times_convert_both_ways()
    {
        var instant = new DateTimeOffset(2024, 5, 6, 8, 0, 0, TimeSpan.FromHours(8));

        FhirDateTime fhir = instant;

        Assert.Equal("2024-05-06T08:00:00+08:00", fhir.Value);
        Assert.Equal(instant, fhir.ToDateTimeOffset(TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.FromHours(8)),
            new FhirDateTime("2024-05").ToDateTimeOffset(TimeSpan.FromHours(8)));
        Assert.Equal("1985-03-12", FhirDateTime.FromDate(new DateOnly(1985, 3, 12)).Value);
    }

    [Fact]
    public void Money_converts_to_and_from_integer_fen()
    {
        var money = Money.FromFen(1234_56);

        Assert.Equal(1234.56m, money.Value);
        Assert.Equal(1234_56, money.ToFen());
        Assert.Equal("CNY", money.Currency);
    }

    [Fact]
    public void References_are_relative_type_slash_id()
    {
        var patient = new Patient { Id = "p-1001" };

        Assert.Equal("Patient/p-1001", patient.ToReference().Value);
        Assert.Equal("Patient/p-1001", Reference.To<Patient>("p-1001").Value);
        Assert.Equal("p-1001", new Reference { Value = "https://his.example.cn/fhir/Patient/p-1001/_history/2" }.IdFor("Patient"));
        Assert.Null(new Reference { Value = "RelatedPerson/p-1001" }.IdFor("Patient"));
        Assert.Throws<InvalidOperationException>(() => new Patient().RelativeReference);
    }

    [Fact]
    public void Task_keeps_its_fhir_name_despite_the_csharp_class_name()
    {
        Assert.Equal("Task", new FhirTask().ResourceType);
    }
}
