namespace Triage.Tests;

/// <summary>Ranked hospital departments with reasons; age/sex rules; specialties the hospital lacks.</summary>
public sealed class RankingTests(TriageFixture fixture) : IClassFixture<TriageFixture>
{
    [Fact]
    public async Task Departments_are_the_hospitals_own_best_first_with_reasons()
    {
        var answer = await fixture.AssessAsync(40, "M", "胸部", "咳嗽一个多星期了，有黄痰");

        Assert.False(answer.Emergency);
        var best = answer.Departments[0];
        Assert.Equal("呼吸内科", best.Name);
        Assert.Equal(fixture.Hospital.Named("呼吸内科").Id, best.DepartmentId);
        Assert.Contains(best.Reasons, r => r.Contains("咳嗽") && r.Contains("呼吸内科"));
        Assert.Equal(answer.Departments.OrderByDescending(d => d.Score).Select(d => d.Name), answer.Departments.Select(d => d.Name));
        Assert.All(answer.Departments, d => Assert.InRange(d.Score, 0, 1));
        Assert.Contains(answer.Symptoms, s => s.Name == "咳嗽");
    }

    [Fact]
    public async Task Children_go_to_paediatrics_for_internal_medicine_complaints()
    {
        var adult = await fixture.AssessAsync(30, "M", "全身", "发烧38.5度，咳嗽，流鼻涕");
        var child = await fixture.AssessAsync(3, "M", "全身", "发烧38.5度，咳嗽，流鼻涕");

        Assert.NotEqual("儿科", adult.Departments[0].Name);
        Assert.Equal("儿科", child.Departments[0].Name);
        Assert.Contains(child.Departments[0].Reasons, r => r.Contains("儿童"));
    }

    [Fact]
    public async Task Pregnancy_goes_to_obstetrics_and_men_never_to_gynaecology()
    {
        var pregnant = await fixture.AssessAsync(28, "F", "腹部", "怀孕8周，恶心呕吐吃不下东西");
        Assert.Equal("妇产科", pregnant.Departments[0].Name);
        Assert.Equal(fixture.Hospital.Named("妇产科").Id, pregnant.Departments[0].DepartmentId);

        var man = await fixture.AssessAsync(30, "M", "会阴部", "下面痒，白带多");
        Assert.DoesNotContain(man.Departments, d => d.Name == "妇产科");
    }

    [Fact]
    public async Task A_specialty_the_hospital_lacks_is_answered_with_the_department_that_sees_it()
    {
        // 风湿免疫科 and 乳腺外科 are not among the demo hospital's departments.
        var joints = await fixture.AssessAsync(35, "F", "上肢", "手指好几个关节肿痛，早上起来关节僵硬");
        var rheumatology = Assert.Single(joints.Departments, d => d.Name == "内科");
        Assert.Equal(fixture.Hospital.Named("内科").Id, rheumatology.DepartmentId);
        Assert.Contains(rheumatology.Reasons, r => r.Contains("本院未单设风湿免疫科"));

        var breast = await fixture.AssessAsync(29, "F", "乳房", "乳房摸到一个肿块");
        Assert.Equal("外科", breast.Departments[0].Name);
        Assert.DoesNotContain(breast.Departments, d => d.Name is "乳腺外科" or "风湿免疫科");
    }

    [Fact]
    public async Task Negation_drops_a_symptom()
    {
        var answer = await fixture.AssessAsync(50, "F", "胸部", "最近一直干咳，没有发烧");

        Assert.Contains(answer.Symptoms, s => s.Name == "咳嗽");
        Assert.DoesNotContain(answer.Symptoms, s => s.Name == "发热");
    }

    [Fact]
    public async Task The_body_part_alone_points_somewhere()
    {
        var answer = await fixture.AssessAsync(30, "F", "眼部", "");

        Assert.Equal("眼科", answer.Departments[0].Name);
        Assert.Contains(answer.Departments[0].Reasons, r => r.Contains("部位「眼部」"));
    }
}
