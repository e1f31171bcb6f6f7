namespace Platform.Messaging;

/// <summary>amqp://user:password@host:port/vhost</summary>
public sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public static BrokerAddress Parse(string uri)
    {
        var u = new Uri(uri);
        if (u.Scheme is not ("amqp" or "rabbitmq"))
            throw new FormatException("ConnectionStrings:rabbitmq must be an amqp:// URI");
        var credentials = u.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(u.AbsolutePath.TrimStart('/'));
        return new BrokerAddress(u.Host, (ushort)(u.Port > 0 ? u.Port : 5672), vhost.Length == 0 ? "/" : vhost,
            Uri.UnescapeDataString(credentials[0]), credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "");
    }
}
