using Platform.WeChat.Templates;

namespace WeChat.Tests.Templates;

public class TemplateFieldRulesTests
{
    [Theory]
    [InlineData("thing1", TemplateFieldKind.Thing)]
    [InlineData("character_string12", TemplateFieldKind.CharacterString)]
    [InlineData("phone_number3", TemplateFieldKind.PhoneNumber)]
    [InlineData("time4", TemplateFieldKind.Time)]
    [InlineData("phrase5", TemplateFieldKind.Phrase)]
    [InlineData("keyword1", TemplateFieldKind.Unknown)]
    public void Kind_comes_from_the_key_prefix(string key, TemplateFieldKind kind) =>
        Assert.Equal(kind, TemplateFieldRules.Classify(key));

    [Fact]
    public void Thing_longer_than_20_chars_is_truncated_with_ellipsis()
    {
        var value = TemplateFieldRules.Normalize("thing1", "心血管内科专家门诊（东院区）第三诊室请提前十五分钟到达");
        Assert.Equal(20, value.EnumerateRunes().Count());
        Assert.EndsWith("…", value);
        Assert.StartsWith("心血管内科专家门诊", value);
    }

    [Fact]
    public void Thing_of_exactly_20_chars_is_kept_and_emoji_count_as_one()
    {
        var twenty = new string('字', 20);
        Assert.Equal(twenty, TemplateFieldRules.Normalize("thing2", twenty));
        var emoji = string.Concat(Enumerable.Repeat("🚑", 21));
        var cut = TemplateFieldRules.Normalize("thing3", emoji);
        Assert.Equal(string.Concat(Enumerable.Repeat("🚑", 19)) + "…", cut);
    }

    [Fact]
    public void Thing_line_breaks_become_spaces()
    {
        Assert.Equal("请空腹 携带医保卡", TemplateFieldRules.Normalize("thing1", "请空腹\r\n携带医保卡\n"));
        Assert.Throws<TemplateFieldException>(() => TemplateFieldRules.Normalize("thing1", "\n\t"));
    }

    [Theory]
    [InlineData("character_string1", "GH20240501000123")]
    [InlineData("character_string1", "A-12/B_3#")]
    [InlineData("phrase1", "已预约")]
    [InlineData("phrase1", "候诊中")]
    [InlineData("time1", "15:01")]
    [InlineData("time1", "2024年5月1日 08:30")]
    [InlineData("time1", "2024-05-01 08:30~09:00")]
    [InlineData("time1", "08:30:15")]
    [InlineData("date1", "2024年5月1日")]
    [InlineData("date1", "2024-05-01")]
    [InlineData("date1", "2024/05/01 08:30")]
    [InlineData("amount1", "￥25.00")]
    [InlineData("amount1", "25元")]
    [InlineData("number1", "3")]
    [InlineData("number1", "36.5")]
    [InlineData("phone_number1", "+86-020-12345678")]
    [InlineData("name1", "张三")]
    [InlineData("name1", "Zhang San")]
    [InlineData("car_number1", "粤A8Z888挂")]
    [InlineData("letter1", "ABC")]
    [InlineData("symbol1", "#*")]
    public void Valid_structured_values_pass_unchanged(string key, string value) =>
        Assert.Equal(value, TemplateFieldRules.Normalize(key, value));

    [Theory]
    [InlineData("character_string1", "GH2024050100012345678901234567890")]
    [InlineData("character_string1", "挂号单")]
    [InlineData("phrase1", "等待医生接诊")]
    [InlineData("phrase1", "OK")]
    [InlineData("time1", "25:00")]
    [InlineData("time1", "明天上午")]
    [InlineData("time1", "15:01\n")]
    [InlineData("date1", "五月一日")]
    [InlineData("amount1", "25.005")]
    [InlineData("amount1", "12345678901元")]
    [InlineData("number1", "3a")]
    [InlineData("phone_number1", "020-1234-5678-9999-0")]
    [InlineData("name1", "欧阳司马诸葛上官东方西门")]
    [InlineData("character_string1", "A\nB")]
    [InlineData("character_string1", "")]
    public void Invalid_structured_values_are_rejected_not_cut(string key, string value)
    {
        var ex = Assert.Throws<TemplateFieldException>(() => TemplateFieldRules.Normalize(key, value));
        Assert.Equal(key, ex.Key);
    }

    [Fact]
    public void Template_payload_has_wechat_shape_and_normalised_fields()
    {
        var payload = new TemplateMessage("oPatient", "TPL_BOOKED")
            .WithUrl("https://h5/appointments/1")
            .WithClientMsgId(ClientMsgId.From("outbox:7f1c"))
            .Field("thing1", "心血管内科专家门诊（东院区）第三诊室请提前十五分钟到达")
            .Field("time2", "2024年5月1日 08:30")
            .ToPayload();

        Assert.Equal("oPatient", payload["touser"]!.GetValue<string>());
        Assert.Equal("TPL_BOOKED", payload["template_id"]!.GetValue<string>());
        Assert.Equal(ClientMsgId.From("outbox:7f1c"), payload["client_msg_id"]!.GetValue<string>());
        Assert.EndsWith("…", payload["data"]!["thing1"]!["value"]!.GetValue<string>());
        Assert.Equal("2024年5月1日 08:30", payload["data"]!["time2"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Client_msg_id_is_stable_per_business_key_and_validated()
    {
        Assert.Equal(ClientMsgId.From("a"), ClientMsgId.From("a"));
        Assert.NotEqual(ClientMsgId.From("a"), ClientMsgId.From("b"));
        Assert.Throws<ArgumentException>(() => new TemplateMessage("o", "t").WithClientMsgId(new string('x', 65)));
        Assert.Throws<ArgumentException>(() => new TemplateMessage("o", "t").WithClientMsgId("has space"));
    }

    [Fact]
    public void Subscribe_payload_rejects_bad_fields_and_duplicate_keys()
    {
        var message = new SubscribeMessage("oPatient", "TPL_REPORT").WithPage("https://h5/reports/9").Field("phrase3", "已出报告");
        Assert.Throws<TemplateFieldException>(() => message.Field("phrase4", "报告已经全部出来"));
        Assert.Throws<ArgumentException>(() => message.Field("phrase3", "已出"));
        var payload = message.ToPayload();
        Assert.Equal("https://h5/reports/9", payload["page"]!.GetValue<string>());
        Assert.Single(payload["data"]!.AsObject());
        Assert.Throws<InvalidOperationException>(() => new SubscribeMessage("o", "t").ToPayload());
    }

    [Fact]
    public void Customer_service_payloads()
    {
        var text = CustomerServiceMessage.Text("oP", "您好");
        Assert.Equal("text", text["msgtype"]!.GetValue<string>());
        Assert.Equal("您好", text["text"]!["content"]!.GetValue<string>());
        var news = CustomerServiceMessage.News("oP", "t", "d", "https://u", "https://p");
        Assert.Equal("https://p", news["news"]!["articles"]![0]!["picurl"]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => CustomerServiceMessage.Text("oP", new string('字', 700)));
    }
}
