using Signet.Dkim;
using Signet.Store.Import;
using Signet.Store.Model;
using Signet.Store.Tests.Support;
using Signet.Testing;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Import;

[Collection(StoreTestGroup.Name)]
public sealed class OpenDkimImporterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Import_BringsKeysAcrossActive_AndReportsWhatItCannot()
    {
        string directory = Directory.CreateTempSubdirectory("signet-opendkim-").FullName;
        string File(string name) => Path.Combine(directory, name);
        await System.IO.File.WriteAllTextAsync(File("example.private"), TestKeys.Rsa2048.ExportPkcs8Pem());
        await System.IO.File.WriteAllTextAsync(File("org.private"), TestKeys.Ed25519.ExportPkcs8Pem());
        await System.IO.File.WriteAllTextAsync(File("broken.private"), "not a key");
        await System.IO.File.WriteAllLinesAsync(File("KeyTable"),
        [
            "# OpenDKIM KeyTable",
            $"example   example.com:mail:{File("example.private")}",
            $"org       example.org:s1:{File("org.private")}",
            $"missing   example.net:s1:{File("missing.private")}",
            $"broken    example.info:s1:{File("broken.private")}",
        ]);
        await System.IO.File.WriteAllLinesAsync(File("SigningTable"),
        [
            "*@example.com example",
            "*@*.example.com example",
            "example.org org",
            "ceo@example.org org",
            "*@example.* example",
            "*@partner.example example",
        ]);

        await using var h = await StoreHarness.OpenAsync(Backend.Sqlite, postgres);
        var report = Ok(await new OpenDkimImporter(h.Store).ImportAsync(Admin, File("KeyTable"), "refile:" + File("SigningTable"), Token));

        Assert.Equal(["example.com", "example.org"], report.DomainsAdded);
        Assert.Equal(["mail._domainkey.example.com", "s1._domainkey.example.org"], report.KeysImported.Select(k => k.RecordName));
        Assert.All(report.KeysImported, k => Assert.Equal(KeyState.Active, k.State));
        Assert.Equal(DkimAlgorithm.Ed25519Sha256, report.KeysImported[1].Algorithm);
        var reasons = report.Skipped.Select(s => (Path.GetFileName(s.File), s.Line, s.Reason)).ToList();
        Assert.Collection(reasons,
            r => Assert.Equal(("SigningTable", 4), (r.Item1, r.Line)),
            r => Assert.Contains("wildcard pattern", r.Reason, StringComparison.Ordinal),
            r => Assert.Contains("add partner.example with its own key", r.Reason, StringComparison.Ordinal),
            r => Assert.Contains("does not exist", r.Reason, StringComparison.Ordinal),
            r => Assert.Contains("cannot be imported", r.Reason, StringComparison.Ordinal));
        Assert.Equal(2, (await h.Store.GetSigningSnapshotAsync(Token)).DomainKeys.Count);
        Directory.Delete(directory, recursive: true);
    }
}
