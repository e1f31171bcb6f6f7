using Platform.Contracts.Hospital;
using Platform.Testing;

namespace Triage.Tests;

/// <summary>The Hospital service owns departments: Triage follows its list and its DepartmentChanged events.</summary>
public sealed class DepartmentSyncTests(TriageFixture fixture) : IClassFixture<TriageFixture>
{
    [Fact]
    public async Task A_department_the_hospital_opens_is_answered_once_its_event_arrives()
    {
        const string complaint = "手指好几个关节肿痛，早上起来关节僵硬";
        Assert.DoesNotContain((await fixture.AssessAsync(35, "F", "上肢", complaint)).Departments, d => d.Name == "风湿免疫科");

        var opened = new HospitalStub.Department(Guid.CreateVersion7(), "fsmyk", "风湿免疫科", "本部院区", "门诊楼", "5楼", "027-82211155");
        fixture.Hospital.Put(opened);
        await TestBus.PublishAsync(fixture.VirtualHost.AmqpUri, _ => { },
            new DepartmentChangedIntegrationEvent(opened.Id, opened.Code, opened.Name, opened.Campus, DepartmentChangeKind.Created));

        var answer = await Eventually.Until(() => fixture.AssessAsync(35, "F", "上肢", complaint),
            a => a.Departments.Any(d => d.Name == "风湿免疫科"), what: "风湿免疫科 answered");
        Assert.Equal(opened.Id, answer.Departments.First(d => d.Name == "风湿免疫科").DepartmentId);
    }

    [Fact]
    public async Task A_department_the_hospital_closes_is_answered_by_its_fallback()
    {
        const string complaint = "看东西越来越模糊";
        var eyes = fixture.Hospital.Named("眼科");
        Assert.Equal("眼科", (await fixture.AssessAsync(60, "M", "眼部", complaint)).Departments[0].Name);

        fixture.Hospital.Remove(eyes.Id);
        await TestBus.PublishAsync(fixture.VirtualHost.AmqpUri, _ => { },
            new DepartmentChangedIntegrationEvent(eyes.Id, eyes.Code, eyes.Name, eyes.Campus, DepartmentChangeKind.Removed));

        var answer = await Eventually.Until(() => fixture.AssessAsync(60, "M", "眼部", complaint),
            a => a.Departments.All(d => d.Name != "眼科"), what: "眼科 no longer answered");
        Assert.Equal(fixture.Hospital.Named("内科").Id, answer.Departments[0].DepartmentId);
        fixture.Hospital.Put(eyes);
    }
}
