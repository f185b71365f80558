using Signet.Store.Security;
using Signet.Testing;

namespace Signet.Relay.Tests;

/// <summary>The one spool the relay and <c>signet sign</c> share: memory up to its threshold, a file above it, the
/// same bytes back either way, and nothing left on disk once disposed.</summary>
public sealed class MessageSpoolTests
{
    [Theory]
    [InlineData(1000, 100)]
    [InlineData(100, 1000)]
    [InlineData(1000, 1000)]
    [InlineData(1000, 1001)]
    public async Task CopyTo_GivesBackWhatWasWritten_FromAnyOffset_InMemoryOrInTheFile(int threshold, int length)
    {
        byte[] data = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        await using var spool = new MessageSpool(threshold);
        for (int i = 0; i < length; i += 97)
        {
            var chunk = data.AsMemory(i, Math.Min(97, length - i));
            if (i % 2 == 0)
            {
                spool.Write(chunk.Span);
            }
            else
            {
                await spool.WriteAsync(chunk, CancellationToken.None);
            }
        }

        Assert.Equal(length, spool.Length);
        Assert.Equal(length > threshold, spool.FilePath is not null);
        foreach (int offset in new[] { 0, 1, length / 2, length })
        {
            var copied = new MemoryStream();
            await spool.CopyToAsync(offset, (bytes, ct) => copied.WriteAsync(bytes, ct), CancellationToken.None);
            Assert.Equal(data[offset..], copied.ToArray());
        }

        var whole = new MemoryStream();
        await spool.CopyToAsync(whole, CancellationToken.None);
        Assert.Equal(data, whole.ToArray());
    }

    [Fact]
    public async Task Dispose_RemovesTheFileAndItsPrivateFolder()
    {
        var spool = new MessageSpool(memoryThreshold: 16);
        await spool.WriteAsync(new byte[64], CancellationToken.None);
        string file = Assert.IsType<string>(spool.FilePath);
        string folder = Path.GetDirectoryName(file)!;

        await spool.DisposeAsync();

        Assert.False(File.Exists(file));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Dispose_InAConfiguredFolder_RemovesTheFileButKeepsTheFolder()
    {
        using var parent = new TemporaryDirectory();
        string folder = parent.File("spool");
        var spool = new MessageSpool(memoryThreshold: 16, folder);
        await spool.WriteAsync(new byte[64], CancellationToken.None);

        await spool.DisposeAsync();

        Assert.True(Directory.Exists(folder));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }
}
