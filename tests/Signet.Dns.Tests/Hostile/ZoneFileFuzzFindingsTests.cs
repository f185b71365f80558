namespace Signet.Dns.Tests.Hostile;

/// <summary>Inputs the zone-file fuzz target found. A zone source must either refuse the text or find every name it
/// lists: names with empty labels (<c>a..example.</c>) were accepted, stored with one trailing dot left on, and could
/// then never be looked up.</summary>
public class ZoneFileFuzzFindingsTests
{
    public static TheoryData<string> FoundInputs => new()
    {
        "DE9SSUcuLi4uLi4uLi4uLi4uLi4uLi4uLi4uLi4uLi4uLiBUWFQgKCAidj1EMklNMTsgIiAicD0AAAPoJTkibnQKMnd3ICApLjIuMQo=",
        "Li4uLi4uLi4uJC4aLi4gVFhUICMg",
        "JE9SSUdJTiBjb20uCiRUVEwgMzAwCnMxa2V5Li4uLi4uLi4uLi4uLi4uLi4gMzAwIElOIFRYVCAoICJxPUQySU0xOyAiICJwPUFCXDA1OSJudAoyd3cgICkuMi4xCg==",
    };

    [Theory]
    [MemberData(nameof(FoundInputs))]
    public async Task TryParse_FuzzFinding_EveryListedNameIsFound(string base64)
    {
        string zone = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        if (!ZoneFileTxtSource.TryParse(zone, out var source, out _))
        {
            return;
        }

        foreach (string name in source.Names)
        {
            var lookup = await source.LookupTxtAsync(name, CancellationToken.None);
            Assert.True(lookup.Records.Count > 0, $"the source lists \"{name}\" but does not find it");
        }
    }

    [Theory]
    [InlineData("a..example. TXT \"v\"\n")]
    [InlineData(".example. TXT \"v\"\n")]
    [InlineData("$ORIGIN example.\nx.. TXT \"v\"\n")]
    public void TryParse_NameWithEmptyLabel_FailsNamingTheLine(string zone)
    {
        Assert.False(ZoneFileTxtSource.TryParse(zone, out _, out string error));
        Assert.Contains("empty label", error, StringComparison.Ordinal);
    }
}
