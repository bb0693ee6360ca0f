using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Leerlingzorg.E2E;

/// <summary>
/// A TCP proxy between Chromium and Kestrel that delays every chunk by a fixed time in each direction, as a slow
/// school network would: HTTP and the circuit's websocket alike. Bandwidth is not limited, only latency added.
/// </summary>
public sealed class LatencyProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly IPEndPoint target;
    private readonly TimeSpan delay;
    private readonly Task accepting;

    public LatencyProxy(Uri target, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(target);
        this.target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        this.delay = delay;
        listener.Start();
        accepting = AcceptAsync();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                client.NoDelay = server.NoDelay = true;
                await server.ConnectAsync(target, stop.Token);
                var van = client.GetStream();
                var naar = server.GetStream();
                await Task.WhenAll(PumpAsync(van, naar), PumpAsync(naar, van));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // One side closed: so does the other.
            }
        }
    }

    /// <summary>Reads as fast as data comes and writes each chunk <see cref="delay"/> after it was read, in order.</summary>
    private async Task PumpAsync(NetworkStream bron, NetworkStream doel)
    {
        var rij = Channel.CreateUnbounded<(DateTime Wanneer, byte[] Data)>();
        var schrijven = Task.Run(async () =>
        {
            await foreach (var (wanneer, data) in rij.Reader.ReadAllAsync(stop.Token))
            {
                var wacht = wanneer + delay - DateTime.UtcNow;
                if (wacht > TimeSpan.Zero)
                {
                    await Task.Delay(wacht, stop.Token);
                }
                await doel.WriteAsync(data, stop.Token);
            }
        });
        var buffer = new byte[64 * 1024];
        try
        {
            int gelezen;
            while ((gelezen = await bron.ReadAsync(buffer, stop.Token)) > 0)
            {
                await rij.Writer.WriteAsync((DateTime.UtcNow, buffer[..gelezen]), stop.Token);
            }
        }
        finally
        {
            rij.Writer.TryComplete();
        }
        await schrijven;
        doel.Socket.Shutdown(SocketShutdown.Send);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}
