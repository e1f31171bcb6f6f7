using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HisAdapter.API.Application;

/// <summary>What the adapter last learned about reaching the HIS. The platform keeps working without the HIS
/// (bookings wait, reads fail politely), so readiness reports an unreachable HIS as Degraded, never Unhealthy.</summary>
public sealed class HisReachability
{
    private volatile string? problem = "尚未连接医院信息系统";

    public bool IsReachable => problem is null;

    public void Reachable() => problem = null;

    public void Unreachable(string reason) => problem = reason;

    public HealthCheckResult ToHealth() => problem is null
        ? HealthCheckResult.Healthy("医院信息系统可访问")
        : HealthCheckResult.Degraded($"医院信息系统不可用：{problem}");
}

public sealed class HisHealthCheck(HisReachability reachability) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(reachability.ToHealth());
}
