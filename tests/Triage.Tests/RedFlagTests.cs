namespace Triage.Tests;

/// <summary>Danger signs stop the flow: emergency, 急诊科 first with its location, whatever else the complaint says.</summary>
public sealed class RedFlagTests(TriageFixture fixture) : IClassFixture<TriageFixture>
{
    [Fact]
    public async Task Chest_pain_with_sweating_sends_to_the_emergency_department_with_its_location()
    {
        var answer = await fixture.AssessAsync(58, "M", "胸部", "胸口压榨样疼痛半小时，向左肩放射，出冷汗");

        Assert.True(answer.Emergency);
        var er = fixture.Hospital.Named("急诊科");
        Assert.Equal("急诊科", answer.Departments[0].Name);
        Assert.Equal(er.Id, answer.Departments[0].DepartmentId);
        Assert.NotNull(answer.EmergencyAdvice);
        Assert.Contains("120", answer.EmergencyAdvice!.Message);
        Assert.Equal(er.Id, answer.EmergencyAdvice.Department.DepartmentId);
        Assert.Equal("急诊楼", answer.EmergencyAdvice.Department.Building);
        Assert.Contains(answer.EmergencyAdvice.Reasons, r => r.Contains("心肌梗死"));
        // The specialty behind the danger sign still follows, with its reasons.
        var cardiology = Assert.Single(answer.Departments, d => d.Name == "心血管内科");
        Assert.Contains(cardiology.Reasons, r => r.Contains("胸痛"));
        Assert.Empty(answer.FollowUpQuestions);
        Assert.False(string.IsNullOrEmpty(answer.Disclaimer));
    }

    [Theory]
    [InlineData(70, "M", "头部", "早上起来右边手脚没力气，说话含糊不清")]
    [InlineData(62, "F", "头部", "突然嘴歪了，口齿不清")]
    [InlineData(30, "F", "腹部", "怀孕8个月，下面突然出了很多血")]
    [InlineData(2, "M", "全身", "孩子发高烧，刚才抽筋了，翻白眼")]
    [InlineData(60, "M", "胸部", "喘不上气，嘴唇发紫")]
    [InlineData(35, "M", "下肢", "车祸腿上伤口血流不止")]
    [InlineData(45, "F", "全身", "喝了农药")]
    [InlineData(50, "M", "头部", "突发剧烈头痛，头痛欲裂")]
    [InlineData(19, "F", "全身", "不想活了，已经割腕")]
    public async Task Danger_signs_are_flagged(int age, string sex, string bodyPart, string complaint)
    {
        var answer = await fixture.AssessAsync(age, sex, bodyPart, complaint);

        Assert.True(answer.Emergency, $"「{complaint}」 should be an emergency; recognised: {string.Join("、", answer.Symptoms.Select(s => s.Name))}");
        Assert.Equal("急诊科", answer.Departments[0].Name);
    }

    [Theory]
    [InlineData(45, "M", "胸部", "胸口偶尔针扎样疼一下，没有出汗，也没有喘不上气")]
    [InlineData(45, "M", "全身", "中风后遗症，半边手脚不灵活，想做康复")]
    [InlineData(25, "F", "腹部", "怀孕5周，肚子隐隐作痛，没有出血")]
    [InlineData(40, "M", "胸部", "咳嗽一周，有黄痰")]
    public async Task Negated_or_old_signs_are_not_flagged(int age, string sex, string bodyPart, string complaint)
    {
        var answer = await fixture.AssessAsync(age, sex, bodyPart, complaint);

        Assert.False(answer.Emergency, $"「{complaint}」 flagged: {string.Join("、", answer.EmergencyAdvice?.Reasons ?? [])}");
        Assert.Null(answer.EmergencyAdvice);
        Assert.NotEqual("急诊科", answer.Departments[0].Name);
    }

    [Fact]
    public async Task Answering_a_follow_up_question_can_raise_the_emergency()
    {
        var first = await fixture.AssessAsync(60, "M", "胸部", "胸口疼了半小时");
        Assert.False(first.Emergency);
        var question = Assert.Single(first.FollowUpQuestions, q => q.Code == "chest_pain_sweating");
        // A question that could complete a danger sign is asked first.
        Assert.Contains(first.FollowUpQuestions.Take(3), q => q.Code == question.Code);

        var second = await fixture.AssessAsync(60, "M", "胸部", "胸口疼了半小时", new Dictionary<string, bool> { [question.Code] = true });

        Assert.True(second.Emergency);
        Assert.DoesNotContain(second.FollowUpQuestions, q => q.Code == question.Code);
    }

    [Fact]
    public async Task A_child_with_fever_is_asked_about_convulsions()
    {
        var answer = await fixture.AssessAsync(3, "F", "全身", "发烧39度");

        Assert.False(answer.Emergency);
        Assert.Contains(answer.FollowUpQuestions, q => q.Code == "child_convulsion");
        var convulsed = await fixture.AssessAsync(3, "F", "全身", "发烧39度", new Dictionary<string, bool> { ["child_convulsion"] = true });
        Assert.True(convulsed.Emergency);
        Assert.Contains(convulsed.EmergencyAdvice!.Reasons, r => r.Contains("高热惊厥"));
    }
}
