using Hospital.API.Application.Content;

namespace Hospital.API.Infrastructure.Seed;

/// <summary>江城市第一人民医院 as the HIS simulator describes it (name, grade, founding year, beds, campuses, phones,
/// e-mail), with the narrative a hospital publishes about itself.</summary>
internal static class DemoHospitalProfile
{
    public static HospitalProfile Build() => new()
    {
        Name = "江城市第一人民医院",
        Grade = "三级甲等综合医院",
        FoundedYear = 1952,
        Beds = 3200,
        StaffCount = 4600,
        AnnualOutpatientVisitsWan = 380,
        Phone = "027-82211000",
        Email = "office@jcsy.example",
        Website = "http://www.jcsy.example",
        Introduction = """
            江城市第一人民医院（江城一院）是一所集医疗、教学、科研、预防、康复于一体的**三级甲等综合医院**，设本部院区和光谷院区两个院区，
            编制床位3200张，职工4600余人，其中高级职称专家800余人。医院开设临床、医技科室23个，年门急诊量约380万人次、出院病人约15万人次。

            医院坚持"以病人为中心"，推行预约诊疗、分时段就诊、检查检验结果互认和诊间结算，患者可通过微信服务号完成挂号、缴费、查报告等就医全流程。
            """,
        History = """
            - **1952年** 江城市人民医院建院，设内、外、妇、儿四科，床位120张。
            - **1978年** 更名为江城市第一人民医院，成为医学院教学医院。
            - **1994年** 通过首批三级甲等医院评审。
            - **2008年** 建成新门诊楼和医技楼，开通胸痛、卒中急救绿色通道。
            - **2016年** 光谷院区开诊，重点发展肿瘤、骨科、眼耳鼻喉与康复医学。
            - **2023年** 建成智慧医院服务平台，实现线上预约、缴费、报告查询与院内导航。
            """,
        Honours =
        [
            "全国文明单位", "国家级胸痛中心", "国家高级卒中中心", "国家住院医师规范化培训基地",
            "湖北省改善医疗服务示范医院", "电子病历系统应用水平分级评价五级",
        ],
        ClinicalSpecialties =
        [
            "心血管内科（国家临床重点专科）", "内分泌科（省级临床重点专科）", "消化内科（省级临床重点专科）",
            "神经内科（省级临床重点专科）", "骨科（省级临床重点专科）", "肿瘤科（市级临床重点专科）",
        ],
        MedicalTechnologies =
        [
            "冠状动脉介入治疗（PCI）", "心律失常射频消融术", "胰岛素泵强化治疗与动态血糖监测", "超声内镜与内镜下黏膜剥离术（ESD）",
            "脑卒中静脉溶栓与取栓", "人工髋膝关节置换", "脊柱微创手术", "白内障超声乳化联合人工晶体植入", "肿瘤靶向与免疫治疗",
        ],
        Campuses =
        [
            new CampusInfo
            {
                Name = "本部院区",
                Address = "湖北省江城市江岸区解放大道1095号",
                Phone = "027-82211000",
                Email = "office@jcsy.example",
                MapUrl = "https://uri.amap.com/marker?position=114.2739,30.5928&name=江城市第一人民医院本部院区",
                TransportRoutes =
                [
                    "地铁：2号线“解放大道站”C出口，步行约300米",
                    "公交：7路、30路、402路、526路至“第一人民医院站”",
                    "自驾：解放大道由南向北行驶，右转进入医院地下停车场（门诊楼负一、负二层）",
                ],
                Summary = "设内科、外科、儿科、妇产科及心血管、消化、神经、内分泌、肾内等内科专科，急诊科和检验、放射、超声等医技科室。",
            },
            new CampusInfo
            {
                Name = "光谷院区",
                Address = "湖北省江城市洪山区高新大道666号",
                Phone = "027-87655000",
                Email = "guanggu@jcsy.example",
                MapUrl = "https://uri.amap.com/marker?position=114.4125,30.4869&name=江城市第一人民医院光谷院区",
                TransportRoutes =
                [
                    "地铁：11号线“光谷五路站”B出口，步行约500米",
                    "公交：756路、789路至“高新大道光谷五路站”",
                    "院区间班车：本部院区门诊楼东门 ⇄ 光谷院区门诊楼，工作日7:00-18:00每30分钟一班",
                ],
                Summary = "设眼科、耳鼻喉科、口腔科、皮肤科、肿瘤科、骨科、泌尿外科和康复医学科。",
            },
        ],
    };
}
