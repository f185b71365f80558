using Signet.Store.Security;
using Signet.Testing;

namespace Signet.Relay.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UmaskGroup
{
    public const string Name = "process umask";
}

/// <summary>A spooled message is someone's mail: its file is 0600 in a 0700 folder, under a permissive umask too.</summary>
[Collection(UmaskGroup.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class MessageSpoolModeTests
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task SpoolFile_InAConfiguredFolderUnderUmaskZero_IsOwnerOnlyInAnOwnerOnlyFolder()
    {
        using var parent = new TemporaryDirectory();
        string folder = parent.File("spool");
        using (ProcessUmask.Permissive())
        {
            await using var spool = new MessageSpool(memoryThreshold: 16, folder);
            await spool.WriteAsync(new byte[64], CancellationToken.None);
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
            string file = Assert.Single(Directory.GetFiles(folder));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task SpoolFile_WithoutAConfiguredFolder_IsInAPrivateFolderNotInTheSharedTemporaryFolder()
    {
        using (ProcessUmask.Permissive())
        {
            await using var spool = new MessageSpool(memoryThreshold: 16, directory: null);
            await spool.WriteAsync(new byte[64], CancellationToken.None);
            string file = Assert.IsType<string>(spool.FilePath);
            string folder = Path.GetDirectoryName(file)!;
            Assert.NotEqual(Path.TrimEndingDirectorySeparator(Path.GetTempPath()), folder);
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
        }
    }
}
