using Convenience.API.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;

namespace Convenience.API.Infrastructure.Seed;

/// <summary>The hospital's convenience services with their rules; an item staff already maintain is never overwritten.</summary>
internal sealed class CatalogueSeeder(TimeProvider clock) : ISeeder<ConvenienceDbContext>
{
    private static ServiceWindow W(string start, string end, int capacity) =>
        new() { Start = TimeOnly.Parse(start), End = TimeOnly.Parse(end), CapacityPerDay = capacity };

    private static IEnumerable<ServiceItem> Catalogue() =>
    [
        new() { Code = "wheelchair", Name = "轮椅租借", Category = "院内出行", PriceFen = 1000, Unit = "次", Provider = Providers.ServiceCentre,
            Stock = 20, Returnable = true, Description = "门诊一楼服务中心取用，当天归还；租金线上支付，免押金。",
            MustShow = "取用时出示就诊人身份证或就诊卡" },
        new() { Code = "phone-charging", Name = "手机充电宝", Category = "院内出行", PriceFen = 200, Unit = "次", Provider = Providers.ServiceCentre,
            Stock = 50, Returnable = true, Description = "各楼层服务台取用，4小时内归还任一服务台。" },
        new() { Code = "parking", Name = "停车位预约", Category = "院内出行", PriceFen = 1000, Unit = "次", Provider = Providers.Parking,
            Description = "地下停车场预留车位，预约时段内入场有效；请在备注填写车牌号。", MustShow = "入场时向管理员出示预约订单",
            Windows = [W("08:00", "12:00", 40), W("13:00", "17:00", 40)] },
        new() { Code = "meal", Name = "住院订餐", Category = "住院服务", PriceFen = 2500, Unit = "份", MaxQuantity = 3, InpatientOnly = true,
            Provider = Providers.Canteen, Description = "营养膳食科按医嘱配餐，送到病床；本人或已授权家属可代订。",
            Windows = [W("06:30", "07:30", 300), W("11:00", "12:00", 300), W("17:00", "18:00", 300)] },
        new() { Code = "caregiver", Name = "护工陪护（一对一）", Category = "住院服务", PriceFen = 26000, Unit = "天", InpatientOnly = true,
            Provider = Providers.CaregiverCompany, Description = "持证护工全天陪护，按天计费；本人或已授权家属可预订。",
            MustShow = "护工上岗时请核对护工证", Windows = [W("08:00", "20:00", 10)] },
        new() { Code = "interpreter", Name = "志愿者翻译（手语/外语）", Category = "就医陪伴", PriceFen = 0, Unit = "次",
            Provider = Providers.Volunteers, Description = "志愿者陪同就诊并翻译，免费；请在备注写明语种。",
            Windows = [W("09:00", "11:30", 4), W("14:00", "16:30", 4)] },
        new() { Code = "decoction", Name = "中药代煎及配送", Category = "药品与资料", PriceFen = 300, Unit = "剂", MaxQuantity = 30,
            Provider = Providers.DecoctionRoom, NeedsAddress = true, Description = "中药煎药室按处方代煎，真空包装冷链配送到家。",
            MustShow = "签收时核对患者姓名与处方" },
        new() { Code = "record-copy", Name = "病历复印及邮寄", Category = "药品与资料", PriceFen = 2000, Unit = "份", MaxQuantity = 5,
            Provider = Providers.RecordOffice, NeedsAddress = true, Description = "出院病历复印盖章后邮寄，含邮费。",
            MustShow = "快递签收时须出示患者身份证原件；代签须出示委托书及代签人身份证" },
        new() { Code = "film-mail", Name = "检查胶片邮寄", Category = "药品与资料", PriceFen = 1500, Unit = "次", Provider = Providers.ImagingDesk,
            NeedsAddress = true, Description = "CT/MR/X线胶片及报告邮寄到家，含邮费。", MustShow = "签收时出示患者身份证" },
    ];

    public async Task SeedAsync(ConvenienceDbContext db, CancellationToken ct)
    {
        var existing = await db.Items.Select(i => i.Code).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var item in Catalogue().Where(i => !existing.Contains(i.Code)))
        {
            item.UpdatedAt = now;
            foreach (var w in item.Windows) w.ItemId = item.Id;
            db.Items.Add(item);
        }
        await db.SaveChangesAsync(ct);
    }
}
