using System.Text;
using Signet.Dkim;
using Signet.Store.Model;
using Signet.Store.Tests.Support;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Contract;

[Collection(StoreTestGroup.Name)]
public sealed class EncryptionAtRestTests(PostgresFixture postgres)
{
    [Fact]
    public async Task DatabaseFiles_HoldNoPrivateKeyBytes()
    {
        string pem;
        StoreOptions options;
        await using (var h = await StoreHarness.OpenAsync(Backend.Sqlite, postgres))
        {
            options = h.Options;
            var key = await h.AddActiveKeyAsync("example.com", "s1", DkimKeyType.Rsa);
            pem = Ok(await h.Store.ExportPrivateKeyPemAsync(Admin, key.Id, Token));
            byte[] der = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
            string base64Line = pem.Split('\n')[1];
            foreach (string file in Directory.GetFiles(options.DataDirectory, "signet.db*"))
            {
                byte[] content = await File.ReadAllBytesAsync(file);
                Assert.True(content.AsSpan().IndexOf(der.AsSpan(0, 64)) < 0, $"{file} holds the PKCS#8 DER");
                Assert.True(content.AsSpan().IndexOf(Encoding.ASCII.GetBytes(base64Line)) < 0, $"{file} holds the PEM base64");
            }
        }
    }

    [Fact]
    public async Task DatabaseFiles_HoldNoPublisherSecret()
    {
        byte[] secret = Enumerable.Range(0, 32).Select(i => (byte)(200 - i)).ToArray();
        await using var h = await StoreHarness.OpenAsync(Backend.Sqlite, postgres);
        Ok(await h.Store.AddPublisherAsync(Admin, new("primary", "127.0.0.2:53", "example.com", "signet-update", Convert.ToBase64String(secret)), Token));

        foreach (string file in Directory.GetFiles(h.Options.DataDirectory, "signet.db*"))
        {
            byte[] content = await File.ReadAllBytesAsync(file);
            Assert.True(content.AsSpan().IndexOf(secret) < 0, $"{file} holds the TSIG secret");
            Assert.True(content.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToBase64String(secret))) < 0, $"{file} holds the secret's base64");
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task MasterKeyFile_IsCreatedOwnerOnly_AndRefusedWhenOthersCanRead()
    {
        var options = await StoreHarness.NewOptionsAsync(Backend.Sqlite, postgres);
        await using (Ok(await SignetStore.OpenAsync(options, Token)))
        {
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.MasterKeyPath));
        File.SetUnixFileMode(options.MasterKeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var error = Fails(await SignetStore.OpenAsync(options, Token), StoreErrorKind.Invalid);
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(options.DataDirectory)!, recursive: true);
    }

    [Fact]
    public async Task SealedKey_MovedToAnotherRow_DoesNotOpen()
    {
        await using var h = await StoreHarness.OpenAsync(Backend.Sqlite, postgres);
        var first = await h.AddActiveKeyAsync("example.com", "s1");
        var second = await h.AddActiveKeyAsync("example.org", "s1");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + h.Options.DatabasePath))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE keys SET sealed_private_key = (SELECT sealed_private_key FROM keys WHERE id = $from) WHERE id = $to";
            command.Parameters.AddWithValue("$from", first.Id.ToString("D"));
            command.Parameters.AddWithValue("$to", second.Id.ToString("D"));
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => h.Store.ExportPrivateKeyPemAsync(Admin, second.Id, Token));
        Assert.Contains("master key does not decrypt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_Invalid_AreRefusedAtStart()
    {
        var error = Fails(await SignetStore.OpenAsync(new StoreOptions { DataDirectory = "/tmp/x", MasterKey = "c2hvcnQ=" }, Token), StoreErrorKind.Invalid);
        Assert.Contains("32 bytes", error.Message, StringComparison.Ordinal);
        Fails(await SignetStore.OpenAsync(new StoreOptions { DataDirectory = " " }, Token), StoreErrorKind.Invalid);
        Fails(await SignetStore.OpenAsync(new StoreOptions { DataDirectory = "/tmp/x", PollInterval = TimeSpan.Zero }, Token), StoreErrorKind.Invalid);
    }
}
