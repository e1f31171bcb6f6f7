namespace Hospital.API.Infrastructure.Seed.Navigation;

internal sealed record DemoRoom(string Id, string Name, string Kind, string? DepartmentCode = null, string Keywords = "");

/// <summary><see cref="Passage"/>: the key of the covered passage (连廊) this floor shares with other buildings, if any.</summary>
internal sealed record DemoFloor(string CampusKey, string Campus, string BuildingKey, string Building, int Floor, DemoRoom[] Rooms,
    string? Passage = null)
{
    public string Code => $"{CampusKey}-{BuildingKey}-{Floor}";
    public string LiftKey => $"{CampusKey}-{BuildingKey}-lift";
    public string StairsKey => $"{CampusKey}-{BuildingKey}-stairs";
}

/// <summary>The demo hospital's floors, placing every department of the HIS simulator's seed
/// (tests/Simulators/His/seed/catalog-departments.mjs) on its campus, building and floor, with clinics, labs,
/// pharmacies, payment windows, lifts and toilets around them. Place ids are stable: links and QR codes use them.</summary>
internal static class DemoFloors
{
    private const string Main = "本部院区";
    private const string East = "光谷院区";
    /// <summary>The ground floors of the main campus's 门诊楼, 医技楼 and 急诊楼 are joined by one passage; in 光谷, the second
    /// floors of 门诊楼 and 康复楼.</summary>
    private const string MainPassage = "main-1-passage";
    private const string EastPassage = "east-2-passage";

    private static DemoRoom Dept(string code, string name, string keywords = "") => new($"dept-{code}", name, "department", code, keywords);
    private static DemoRoom Clinic(string code, string name, int n) => new($"clinic-{code}-{n}", $"{name}{n}诊室", "clinic", code, $"{name}诊室");

    private static DemoRoom[] Common(string prefix, int floor, params DemoRoom[] rooms) =>
    [
        new($"{prefix}-{floor}-lift", "电梯", "lift", null, "电梯 直梯 升降梯"),
        .. rooms,
        new($"{prefix}-{floor}-toilet", "卫生间", "toilet", null, "卫生间 厕所 洗手间 无障碍卫生间"),
    ];

    public static readonly DemoFloor[] All =
    [
        new("main", Main, "mzl", "门诊楼", 1, Common("main-mzl", 1,
            new("main-mzl-1-service", "门诊服务台", "service", null, "咨询 导诊 服务台 轮椅借用"),
            new("main-mzl-1-payment", "挂号收费处", "payment", null, "挂号 缴费 收费 付款 交费 医保结算 收费窗口"),
            new("main-mzl-1-pharmacy", "门诊西药房", "pharmacy", null, "取药 药房 西药房 拿药"),
            new("main-mzl-1-tcm-pharmacy", "中药房", "pharmacy", null, "中药 取药 代煎"),
            Dept("ek", "儿科", "儿科门诊 小儿科 儿童"), Clinic("ek", "儿科", 1), Clinic("ek", "儿科", 2)), MainPassage),
        new("main", Main, "mzl", "门诊楼", 2, Common("main-mzl", 2,
            new("main-mzl-2-payment", "二楼收费窗口", "payment", null, "缴费 收费 付款 交费"),
            Dept("nk", "内科", "内科门诊 普通内科 发热"), Clinic("nk", "内科", 1), Clinic("nk", "内科", 2))),
        new("main", Main, "mzl", "门诊楼", 3, Common("main-mzl", 3,
            Dept("wk", "外科", "外科门诊 普外科"), Clinic("wk", "外科", 1),
            Dept("xxgnk", "心血管内科", "心内科 心脏科 心血管 高血压 胸闷 心慌"), Clinic("xxgnk", "心血管内科", 1),
            Dept("hxnk", "呼吸内科", "呼吸科 咳嗽 哮喘 肺"), Clinic("hxnk", "呼吸内科", 1))),
        new("main", Main, "mzl", "门诊楼", 4, Common("main-mzl", 4,
            Dept("fck", "妇产科", "妇科 产科 孕检 产检"), Clinic("fck", "妇产科", 1),
            Dept("xhnk", "消化内科", "消化科 胃肠 胃镜 肠镜 肝病"), Clinic("xhnk", "消化内科", 1),
            Dept("sjnk", "神经内科", "神内 神经科 头痛 头晕 脑卒中"), Clinic("sjnk", "神经内科", 1))),
        new("main", Main, "mzl", "门诊楼", 5, Common("main-mzl", 5,
            Dept("zyk", "中医科", "中医 针灸 推拿"), Clinic("zyk", "中医科", 1),
            Dept("nfmk", "内分泌科", "内分泌 糖尿病 甲状腺"), Clinic("nfmk", "内分泌科", 1),
            Dept("sk", "肾内科", "肾病科 肾脏 透析"), Clinic("sk", "肾内科", 1))),
        new("main", Main, "yjl", "医技楼", 1, Common("main-yjl", 1,
            Dept("fsk", "放射科", "拍片 CT 磁共振 核磁 X光 胸片"),
            new("main-yjl-1-ct", "CT检查室", "lab", "fsk", "CT 拍CT"),
            new("main-yjl-1-mri", "磁共振检查室", "lab", "fsk", "磁共振 核磁 MRI"),
            new("main-yjl-1-payment", "医技收费窗口", "payment", null, "缴费 收费 检查缴费")), MainPassage),
        new("main", Main, "yjl", "医技楼", 2, Common("main-yjl", 2,
            new("main-yjl-2-blood", "门诊采血处", "lab", "jyk", "抽血 采血 验血 化验 血常规 抽血处"),
            new("main-yjl-2-specimen", "标本接收处", "lab", "jyk", "留尿 尿检 大便 标本 送检"),
            Dept("jyk", "检验科", "化验室 检验 化验"),
            new("main-yjl-2-report", "报告自助打印", "service", null, "打印报告 取报告 化验单"))),
        new("main", Main, "yjl", "医技楼", 3, Common("main-yjl", 3,
            Dept("csk", "超声科", "B超 彩超 超声 心脏彩超"),
            new("main-yjl-3-us1", "超声检查1室", "lab", "csk", "B超 彩超"),
            new("main-yjl-3-us2", "超声检查2室", "lab", "csk", "B超 彩超"))),
        new("main", Main, "jzl", "急诊楼", 1, Common("main-jzl", 1,
            Dept("jzk", "急诊科", "急诊 急救 120"),
            new("main-jzl-1-rescue", "抢救室", "clinic", "jzk", "抢救 急救"),
            new("main-jzl-1-payment", "急诊收费处", "payment", null, "急诊缴费 收费"),
            new("main-jzl-1-pharmacy", "急诊药房", "pharmacy", null, "急诊取药 夜间取药")), MainPassage),
        new("east", East, "mzl", "门诊楼", 1, Common("east-mzl", 1,
            new("east-mzl-1-payment", "挂号收费处", "payment", null, "挂号 缴费 收费 付款 交费 收费窗口"),
            new("east-mzl-1-pharmacy", "门诊药房", "pharmacy", null, "取药 药房 拿药"),
            new("east-mzl-1-blood", "光谷采血处", "lab", null, "抽血 采血 验血 化验"),
            Dept("gk", "骨科", "骨科门诊 骨折 关节 腰椎"), Clinic("gk", "骨科", 1),
            Dept("mnwk", "泌尿外科", "泌尿科 结石 前列腺"), Clinic("mnwk", "泌尿外科", 1))),
        new("east", East, "mzl", "门诊楼", 2, Common("east-mzl", 2,
            Dept("kqk", "口腔科", "牙科 看牙 拔牙 种牙"), Clinic("kqk", "口腔科", 1),
            Dept("pfk", "皮肤科", "皮肤 湿疹 痤疮"), Clinic("pfk", "皮肤科", 1)), EastPassage),
        new("east", East, "mzl", "门诊楼", 3, Common("east-mzl", 3,
            Dept("yk", "眼科", "眼睛 视力 白内障 近视"), Clinic("yk", "眼科", 1),
            Dept("ebhk", "耳鼻喉科", "耳鼻咽喉 鼻炎 中耳炎 咽喉"), Clinic("ebhk", "耳鼻喉科", 1))),
        new("east", East, "mzl", "门诊楼", 4, Common("east-mzl", 4,
            Dept("zlk", "肿瘤科", "肿瘤 化疗 癌症"), Clinic("zlk", "肿瘤科", 1), Clinic("zlk", "肿瘤科", 2))),
        new("east", East, "kfl", "康复楼", 2, Common("east-kfl", 2,
            Dept("kfyxk", "康复医学科", "康复科 理疗 康复训练"),
            new("east-kfl-2-pt", "运动治疗室", "clinic", "kfyxk", "康复训练 理疗")), EastPassage),
    ];
}
