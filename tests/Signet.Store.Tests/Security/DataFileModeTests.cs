using Signet.Dkim;
using Signet.Store.Model;
using Signet.Store.Persistence;
using Signet.Testing;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Security;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UmaskGroup
{
    public const string Name = "process umask";
}

/// <summary>Every file the store writes in the data folder (the database, its -wal, -shm and -journal files, the master
/// key) is 0600, under a permissive umask and in a folder others may enter.</summary>
[Collection(UmaskGroup.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFileModeTests
{
    private const UnixFileMode Permissive = (UnixFileMode)0b111_111_111;

    [Fact]
    public async Task StoreFiles_InAnOpenFolderUnderUmaskZero_AreOwnerOnly()
    {
        using var data = new TemporaryDirectory();
        File.SetUnixFileMode(data.Path, Permissive);
        var options = new StoreOptions { DataDirectory = data.Path };
        using (ProcessUmask.Permissive())
        {
            await using var store = await OpenStoreAsync(options);
            Ok(await store.AddDomainAsync(Admin, "example.com", Token));
            Ok(await store.GenerateKeyAsync(Admin, KeyOwner.ForDomain("example.com"), new KeyGenerationRequest("s1", DkimKeyType.Ed25519), Token));
            AssertOwnerOnly(data.Path, expectAtLeast: ["signet.db", "signet.db-wal", "signet.db-shm", "master.key"]);
        }
    }

    [Fact]
    public async Task StoreFiles_CreatedOpenByAnOlderVersion_AreNarrowedAtOpen()
    {
        using var data = new TemporaryDirectory();
        var options = new StoreOptions { DataDirectory = data.Path };
        await using (await OpenStoreAsync(options))
        {
        }

        foreach (string suffix in SqliteDatabase.SidecarSuffixes.Prepend(string.Empty))
        {
            string path = options.DatabasePath + suffix;
            if (!File.Exists(path))
            {
                await File.WriteAllBytesAsync(path, []);
            }

            File.SetUnixFileMode(path, Permissive);
        }

        await using (await OpenStoreAsync(options))
        {
            AssertOwnerOnly(data.Path, expectAtLeast: ["signet.db"]);
        }
    }

    [Fact]
    public async Task DataFolder_CreatedByTheStoreUnderUmaskZero_IsOwnerOnly()
    {
        using var parent = new TemporaryDirectory();
        var options = new StoreOptions { DataDirectory = parent.File("data") };
        using (ProcessUmask.Permissive())
        {
            await using var store = await OpenStoreAsync(options);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(options.DataDirectory));
    }

    private static async Task<SignetStore> OpenStoreAsync(StoreOptions options)
    {
        var store = Ok(await SignetStore.OpenAsync(options, new InMemoryTxtSource(), null, Token));
        return store;
    }

    private static void AssertOwnerOnly(string folder, IReadOnlyList<string> expectAtLeast)
    {
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        foreach (string expected in expectAtLeast)
        {
            Assert.Contains(expected, files);
        }

        foreach (string file in Directory.GetFiles(folder))
        {
            var mode = File.GetUnixFileMode(file);
            Assert.True(mode == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{Path.GetFileName(file)} is {Convert.ToString((int)mode, 8)}, not 600");
        }
    }
}
