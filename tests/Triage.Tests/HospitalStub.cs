using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Platform.Testing;

namespace Triage.Tests;

/// <summary>The Hospital service's public department list (GET /api/hospital/departments) over real HTTP, with the
/// demo hospital's departments (the same names as the HIS simulator's); tests add, rename and remove departments.</summary>
public sealed class HospitalStub : IAsyncDisposable
{
    public sealed record Department(Guid Id, string Code, string Name, string Campus, string Building, string Floor, string Phone);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<Guid, Department> _departments = new();

    private HospitalStub(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public int Reads { get; private set; }

    public static readonly Department[] Demo =
    [
        D("nk", "内科", "门诊楼", "2楼"), D("wk", "外科", "门诊楼", "3楼"), D("ek", "儿科", "门诊楼", "1楼"), D("fck", "妇产科", "门诊楼", "4楼"),
        D("yk", "眼科", "门诊楼", "3楼"), D("ebhk", "耳鼻喉科", "门诊楼", "3楼"), D("kqk", "口腔科", "门诊楼", "2楼"), D("pfk", "皮肤科", "门诊楼", "2楼"),
        D("zyk", "中医科", "门诊楼", "5楼"), D("xxgnk", "心血管内科", "门诊楼", "3楼"), D("hxnk", "呼吸内科", "门诊楼", "3楼"),
        D("xhnk", "消化内科", "门诊楼", "4楼"), D("sjnk", "神经内科", "门诊楼", "4楼"), D("nfmk", "内分泌科", "门诊楼", "5楼"),
        D("sk", "肾内科", "门诊楼", "5楼"), D("zlk", "肿瘤科", "门诊楼", "4楼"), D("gk", "骨科", "门诊楼", "1楼"), D("mnwk", "泌尿外科", "门诊楼", "1楼"),
        D("kfyxk", "康复医学科", "康复楼", "2楼"), D("jzk", "急诊科", "急诊楼", "1楼"),
    ];

    private static Department D(string code, string name, string building, string floor) =>
        new(Guid.CreateVersion7(), code, name, "本部院区", building, floor, "027-8221" + Math.Abs(code.GetHashCode() % 10000).ToString("D4"));

    public Department Named(string name) => _departments.Values.Single(d => d.Name == name);

    public void Put(Department department) => _departments[department.Id] = department;

    public void Remove(Guid id) => _departments.TryRemove(id, out _);

    public static async Task<HospitalStub> StartAsync()
    {
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var stub = new HospitalStub(app, $"http://127.0.0.1:{port}");
        foreach (var d in Demo) stub.Put(d);
        app.MapGet("/api/hospital/departments", () =>
        {
            stub.Reads++;
            return Results.Json(stub._departments.Values.OrderBy(d => d.Code).ToList());
        });
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
