using Microsoft.Extensions.Options;
using Platform.WeChat.Api;
using WeChat.Gateway.Application.Credentials;

namespace WeChat.Gateway.Application.Menu;

/// <summary>A button of the "WeChat:Menu" section; relative view URLs are paths of the H5 app.</summary>
public sealed class MenuItemOptions
{
    public string? Type { get; set; }
    public string Name { get; set; } = "";
    public string? Key { get; set; }
    public string? Url { get; set; }
    public List<MenuItemOptions> SubButtons { get; set; } = [];
}

/// <summary>Publishes the configured custom menu at start-up (WeChat:CreateMenuOnStart), retrying until WeChat takes it.</summary>
public sealed class MenuInstaller(WeChatClientFactory clients, IConfiguration configuration, IOptions<WeChatGatewayOptions> options,
    ILogger<MenuInstaller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CreateMenuOnStart) return;
        var items = configuration.GetSection($"{WeChatGatewayOptions.Section}:Menu").Get<List<MenuItemOptions>>() ?? [];
        if (items.Count == 0) return;
        var buttons = items.Select(ToButton).ToList();
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await clients.WithAccessToken().CreateMenuAsync(buttons, stoppingToken);
                logger.LogInformation("WeChat menu created with {Count} top-level buttons", buttons.Count);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                logger.LogWarning(e, "Creating the WeChat menu failed; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(5).Ticks));
            }
        }
    }

    private MenuButton ToButton(MenuItemOptions item) => item.SubButtons.Count > 0
        ? MenuButton.Group(item.Name, item.SubButtons.Select(ToButton).ToArray())
        : new MenuButton { Type = item.Type, Name = item.Name, Key = item.Key, Url = Absolute(item.Url) };

    private string? Absolute(string? url) =>
        url is not null && url.StartsWith('/') ? options.Value.H5Base + url : url;
}
