using Hospital.API.Application.Content;

namespace Hospital.API.Infrastructure.Seed;

/// <summary>What the demo hospital says about each HIS department: overview, staff, scope, flagship techniques.
/// Codes, names, places and specialties are the HIS simulator's; the doctors counted are its practitioners.</summary>
internal static class DemoDepartmentContent
{
    private static readonly HashSet<string> Flagship = ["xxgnk", "nfmk", "xhnk", "sjnk", "gk", "zlk"];

    private static readonly Dictionary<string, string> Scope = new()
    {
        ["nk"] = "发热、乏力、消瘦等症状的鉴别诊断；高血压、糖尿病等慢性病的综合管理；老年多病共存与多重用药评估。",
        ["wk"] = "胆囊结石、阑尾炎、疝气等腹部外科疾病；体表肿物、外伤清创缝合；腹腔镜微创手术。",
        ["ek"] = "小儿发热、咳嗽、腹泻等常见病；儿童哮喘、过敏性疾病；生长发育评估与预防接种咨询。",
        ["fck"] = "孕前咨询、孕期保健与高危妊娠管理；子宫肌瘤、卵巢囊肿等妇科疾病；宫颈癌筛查与宫腔镜、腹腔镜手术。",
        ["yk"] = "白内障、青光眼、糖尿病视网膜病变、干眼症；儿童青少年近视防控与屈光检查。",
        ["ebhk"] = "慢性鼻炎鼻窦炎、过敏性鼻炎；中耳炎、听力下降、耳鸣眩晕；声带息肉等嗓音疾病。",
        ["kqk"] = "龋病、牙髓炎、牙周病；牙齿缺失的种植与固定、活动修复；儿童龋病防治与窝沟封闭。",
        ["pfk"] = "湿疹、特应性皮炎、荨麻疹；银屑病的系统与生物制剂治疗；痤疮及皮肤感染。",
        ["zyk"] = "脾胃不和、慢性胃炎的中医调理；失眠、焦虑的中医调治；颈肩腰腿痛的针灸推拿治疗。",
        ["xxgnk"] = "冠心病、心绞痛、心肌梗死；高血压及难治性高血压；心律失常（房颤、早搏）与心力衰竭。",
        ["hxnk"] = "慢性阻塞性肺疾病、支气管哮喘；肺部感染；肺结节的评估与随访；睡眠呼吸暂停。",
        ["xhnk"] = "胃炎、消化性溃疡、幽门螺杆菌感染；炎症性肠病；消化道早癌的内镜筛查与治疗；肝胆胰疾病。",
        ["sjnk"] = "脑梗死、脑出血的急性期救治与二级预防；帕金森病、癫痫；头痛、头晕与周围神经病。",
        ["nfmk"] = "1型、2型糖尿病及妊娠糖尿病，糖尿病肾病、周围神经病变等并发症；甲状腺功能亢进与减退、甲状腺结节；骨质疏松。",
        ["sk"] = "慢性肾脏病、IgA肾病、肾病综合征；急慢性肾衰竭；血液透析与腹膜透析。",
        ["zlk"] = "肺癌、胃肠道肿瘤、乳腺癌的化疗、靶向与免疫治疗；肿瘤多学科会诊（MDT）；癌痛与营养支持。",
        ["gk"] = "骨折与关节脱位；髋膝关节骨关节炎的关节置换；腰椎间盘突出、颈椎病的微创治疗；运动损伤。",
        ["mnwk"] = "肾结石、输尿管结石的微创碎石；前列腺增生、前列腺炎；膀胱及肾脏肿瘤。",
        ["kfyxk"] = "脑卒中后偏瘫、言语与吞咽障碍康复；骨科术后功能康复；颈肩腰腿痛的物理治疗。",
        ["jzk"] = "24小时急危重症救治：胸痛、卒中、创伤、中毒；设抢救室、急诊留观室与急诊重症监护室。",
        ["jyk"] = "临床生化、免疫、血液、体液与微生物检验；门诊采血、尿便标本收集与报告发放。",
        ["fsk"] = "X线摄影、CT、磁共振检查与诊断；增强检查的预约与过敏风险评估。",
        ["csk"] = "腹部、心脏、血管、甲状腺与乳腺等浅表器官超声；妇产超声；超声引导下穿刺。",
    };

    private static readonly Dictionary<string, string[]> Techniques = new()
    {
        ["xxgnk"] = ["冠脉介入（PCI）", "射频消融", "国家级胸痛中心"],
        ["nfmk"] = ["胰岛素泵强化治疗", "动态血糖监测", "糖尿病足综合管理"],
        ["xhnk"] = ["无痛胃肠镜", "内镜下黏膜剥离术（ESD）", "超声内镜"],
        ["sjnk"] = ["静脉溶栓", "机械取栓", "国家高级卒中中心"],
        ["gk"] = ["人工髋膝关节置换", "脊柱内镜", "关节镜下韧带重建"],
        ["zlk"] = ["肿瘤多学科会诊", "靶向与免疫治疗", "PICC导管维护"],
    };

    public static IEnumerable<(string Code, DepartmentContent Content)> Build()
    {
        foreach (var d in DemoDepartments.All)
        {
            var doctors = DemoDoctors.All.Where(p => p.DepartmentCode == d.Code).ToList();
            var titles = doctors.GroupBy(p => p.Title).OrderBy(g => Rank(g.Key)).Select(g => $"{g.Key}{g.Count()}名");
            var specialties = d.Summary.Split("特色诊疗：")[^1].TrimEnd('。').Split('、');
            yield return (d.Code, new DepartmentContent
            {
                Name = d.Name,
                IsFlagship = Flagship.Contains(d.Code),
                Overview = $"{d.Name}位于{d.Campus}{d.Building}{d.Floor}。" + (Flagship.Contains(d.Code)
                    ? $"科室是医院**临床重点专科**，在{string.Join("、", specialties)}等方面形成了特色，年门诊量逾5万人次。"
                    : $"科室在{string.Join("、", specialties)}等方面积累了丰富经验，为患者提供规范、连续的诊疗服务。"),
                StaffStructure = doctors.Count == 0
                    ? "科室医护人员信息以医院公示为准。"
                    : $"现有出诊医生{doctors.Count}名：{string.Join("、", titles)}；另有护理及技术人员若干。",
                Scope = Scope.GetValueOrDefault(d.Code, ""),
                FlagshipSpecialties = [.. specialties.Concat(Techniques.GetValueOrDefault(d.Code, []))],
                ClinicHours = d.Code == "jzk" ? "24小时开放" : "周一至周六 上午8:00-12:00，下午14:00-17:30",
                ContactPhone = d.Phone,
            });
        }
    }

    private static int Rank(string title) => title switch { "主任医师" => 0, "副主任医师" => 1, "主治医师" => 2, _ => 3 };
}
