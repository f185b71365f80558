namespace Signet.Interop.Tests;

/// <summary><c>signet check-dns</c> against the records the real nsd serves: the published keys are usable and match
/// their private keys; each record published wrong on purpose is reported with the problem named.</summary>
[Collection(InteropSuite.Name)]
public sealed class CheckDnsTests(InteropFixture fixture)
{
    public static TheoryData<string> KeyNames() => ["rsa1024", "rsa2048", "rsa4096", "ed25519"];

    public static TheoryData<string> Faults() => [.. KeyRecordFault.All.Select(f => f.Selector)];

    [Theory]
    [MemberData(nameof(KeyNames))]
    public async Task CheckDns_PublishedKey_IsUsableAndMatchesItsPrivateKey(string keyName)
    {
        var key = fixture.Key(keyName);

        var run = await SignetCli.RunAsync(CancellationToken.None,
            "check-dns", "--domain", InteropFixture.Domain, "--selector", key.Selector, "--key", key.Pkcs8PemPath, "--resolver", fixture.Resolver, "--authoritative-port", fixture.AuthoritativePort);

        Assert.True(run.ExitCode == 0, $"check-dns {key.Selector}: exit {run.ExitCode}\n{run.OutputText}{run.Error}");
        Assert.Contains("the published key is the signing key", run.OutputText, StringComparison.Ordinal);
        Assert.Contains($"ok: {key.Selector}._domainkey.{InteropFixture.Domain} is usable", run.OutputText, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task CheckDns_RecordPublishedWrong_IsNotUsableAndNamesTheProblem(string selector)
    {
        var fault = KeyRecordFault.All.Single(f => f.Selector == selector);

        var run = await SignetCli.RunAsync(CancellationToken.None,
            "check-dns", "--domain", InteropFixture.ChecksDomain, "--selector", fault.Selector,
            "--key", fixture.Key("rsa2048").Pkcs8PemPath, "--resolver", fixture.Resolver, "--authoritative-port", fixture.AuthoritativePort);

        string said = $"check-dns on {fault.Problem} (exit {run.ExitCode}):\n{run.OutputText}{run.Error}";
        Assert.True(run.ExitCode == 1, said);
        Assert.True(run.OutputText.Contains(fault.ExpectedFinding, StringComparison.Ordinal), $"expected \"{fault.ExpectedFinding}\" in {said}");
        Assert.Contains($"not usable: {fault.Selector}._domainkey.{InteropFixture.ChecksDomain}", run.OutputText, StringComparison.Ordinal);
    }
}
