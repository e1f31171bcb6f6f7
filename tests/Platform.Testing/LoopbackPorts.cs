using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>Ports for processes a test starts itself (a private broker, a second edge).</summary>
public static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
