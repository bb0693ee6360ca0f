using System.Buffers.Binary;

namespace Leerlingzorg.Benchmarks.Generate;

/// <summary>
/// Deterministic, time-ordered UUIDv7 values: the same seed and start give the same ids, and ids rise in
/// creation order like <see cref="Guid.CreateVersion7()"/> does, so that primary-key b-trees fill at the right
/// edge during the load just as they do in the application.
/// </summary>
internal sealed class Uuid7Sequence(int seed, DateTimeOffset start)
{
    private readonly Random random = new(seed);
    private readonly long startMilliseconds = start.ToUnixTimeMilliseconds();
    private long counter;

    public Guid Next()
    {
        var n = counter++;
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes[8..]);
        // 48 bits of milliseconds, then a 12-bit counter within the millisecond (RFC 9562, method 1).
        var milliseconds = startMilliseconds + (n >> 12);
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, milliseconds);
        time[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | ((n >> 8) & 0x0F));
        bytes[7] = (byte)(n & 0xFF);
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
