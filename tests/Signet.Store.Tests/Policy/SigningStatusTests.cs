using Signet.Dkim;
using Signet.Store.Model;
using Signet.Store.Policy;

namespace Signet.Store.Tests.Policy;

/// <summary>A domain or the server-wide key is "signing" only when an active key will sign its next message.</summary>
public class SigningStatusTests
{
    public static TheoryData<bool, KeyState[], bool, string> DomainCases() => new()
    {
        { true, [], false, "not signing: no key — generate one, publish its record, then activate" },
        { true, [KeyState.Pending], false, "not signing: no active key — publish s1, then activate" },
        { true, [KeyState.Retiring, KeyState.Revoked], false, "not signing: no key — generate one, publish its record, then activate" },
        { true, [KeyState.Active], true, "signing: signs with s1" },
        { true, [KeyState.Retiring, KeyState.Active], true, "signing: signs with s2" },
        { false, [KeyState.Active], false, "not signing: signing is turned off for this domain" },
    };

    [Theory]
    [MemberData(nameof(DomainCases))]
    public void ForDomain_KeysInTheseStates_SaysWhatHappensToTheNextMessage(bool enabled, KeyState[] states, bool signing, string words)
    {
        var status = SigningStatus.ForDomain(new DomainEntry("example.com", enabled, SubdomainSigning.UseParentKeys, DateTimeOffset.UnixEpoch), Keys(states));

        Assert.Equal(signing, status.IsSigning);
        Assert.Equal(words, status.Words);
    }

    public static TheoryData<string, bool, KeyState[], bool, string> ServerCases() => new()
    {
        { "mail.example.net", false, [KeyState.Active], false, "server-wide signing is off" },
        { "mail.example.net", true, [KeyState.Pending], false, "server-wide signing is on but not signing: no active key — publish s1, then activate" },
        { "mail.example.net", true, [KeyState.Active], true, "server-wide signing is on: signs with s1" },
        { "vm", true, [KeyState.Active], false, "the host name \"vm\" is a single label" },
    };

    [Theory]
    [MemberData(nameof(ServerCases))]
    public void ForServer_SettingsAndKeys_SaysWhatHappensToTheNextMessage(string hostName, bool enabled, KeyState[] states, bool signing, string words)
    {
        var status = SigningStatus.ForServer(new ServerSettings(hostName, enabled), Keys(states));

        Assert.Equal(signing, status.IsSigning);
        Assert.Contains(words, status.Words);
    }

    private static KeyEntry[] Keys(KeyState[] states) => [.. states.Select((state, index) => new KeyEntry
    {
        Id = Guid.NewGuid(),
        Scope = KeyScope.Domain,
        Domain = "example.com",
        Selector = $"s{index + 1}",
        Algorithm = DkimAlgorithm.Ed25519Sha256,
        Bits = 256,
        PublicKeyData = new byte[32],
        State = state,
        CreatedAt = DateTimeOffset.UnixEpoch,
        Origin = "generated",
    })];
}
