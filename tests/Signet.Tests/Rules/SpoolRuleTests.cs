using System.Text;
using Signet.Cli;
using Signet.Testing;

namespace Signet.Tests.Rules;

/// <summary>The spool is written once (<c>MessageSpool</c>, which the relay uses too): <c>signet sign</c> holds a large
/// body the way the relay holds a message, in a 0600 file inside a private 0700 folder, both gone when it is done
/// (the relay's side: <c>MessageSpoolModeTests</c> and <c>MessageSpoolTests</c> in the relay's tests).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SpoolRuleTests
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task Sign_BodyAboveTheThreshold_SpoolsToAnOwnerOnlyFileInAPrivateFolder_RemovedAfterwards()
    {
        using var temp = new TemporaryDirectory();
        string key = temp.File("k.pem");
        Assert.Equal(0, (await CliRun.Run("keygen", "--algorithm", "ed25519", "--out", key)).ExitCode);
        byte[] message = LargeMessage(9 * 1024 * 1024);
        var before = SpoolFolders();
        string? seenFolder = null;
        UnixFileMode seenFolderMode = default, seenFileMode = default;
        int seenFiles = -1;

        // Seen from inside the run: once more than the memory threshold has been read, before the end of the input.
        var input = new ObservedInput(message, observeAt: message.Length - 128 * 1024, () =>
        {
            string folder = Assert.Single(SpoolFolders().Except(before));
            seenFolder = folder;
            seenFolderMode = File.GetUnixFileMode(folder);
            string[] files = Directory.GetFiles(folder);
            seenFiles = files.Length;
            seenFileMode = files.Length == 1 ? File.GetUnixFileMode(files[0]) : default;
        });
        var output = new MemoryStream();
        var error = new StringWriter();
        int code = await SignetCommandLine.RunAsync(["sign", "--domain", "example.com", "--key", key, "--selector", "s1"],
            new CliConsole(input, output, error), CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        Assert.NotNull(seenFolder);
        Assert.NotEqual(Path.TrimEndingDirectorySeparator(Path.GetTempPath()), seenFolder);
        Assert.Equal(OwnerOnlyFolder, seenFolderMode);
        Assert.Equal(1, seenFiles);
        Assert.Equal(OwnerOnlyFile, seenFileMode);
        Assert.False(Directory.Exists(seenFolder), "the private spool folder is removed once signing is done");
        Assert.True(output.ToArray().AsSpan().EndsWith(message.AsSpan(message.Length - 1024)), "the body comes back whole after the signature");
    }

    private static HashSet<string> SpoolFolders() =>
        Directory.GetDirectories(Path.GetTempPath(), "signet-spool-*").ToHashSet(StringComparer.Ordinal);

    private static byte[] LargeMessage(int bodyBytes)
    {
        var text = new StringBuilder("From: a@example.com\r\nTo: b@example.com\r\nSubject: large\r\n\r\n");
        string line = new string('a', 76) + "\r\n";
        while (text.Length < bodyBytes)
        {
            text.Append(line);
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>Standard input that runs a check once the reader has passed a point, as a user's pipe would pause.</summary>
    private sealed class ObservedInput(byte[] content, long observeAt, Action observe) : Stream
    {
        private long _position;
        private bool _observed;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (!_observed && _position >= observeAt)
            {
                _observed = true;
                observe();
            }

            int count = (int)Math.Min(buffer.Length, content.Length - _position);
            content.AsSpan((int)_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
