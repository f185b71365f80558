using Signet.Cli;
using Signet.Serve;

namespace Signet.Tests.Serve;

/// <summary>Each <c>signet serve</c> option sets one configuration key; repeated options become a list.</summary>
public sealed class ServeCommandLineTests
{
    [Fact]
    public void ToConfiguration_EveryOption_MapsOntoItsKey()
    {
        var settings = ServeCommandLine.ToConfiguration([
            "--data", "/var/lib/signet", "--urls", "http://127.0.0.1:9000", "--milter", "unix:/run/signet/milter.sock",
            "--hostname", "mail.example.com", "--internal-network", "10.0.0.0/8", "--internal-network", "192.0.2.0/24",
            "--resolver", "127.0.0.1:5353", "--store", "Host=db;Database=signet",
        ]);

        Assert.Equal(new Dictionary<string, string?>
        {
            ["Data"] = "/var/lib/signet",
            ["Urls:0"] = "http://127.0.0.1:9000",
            ["Milter:Listen"] = "unix:/run/signet/milter.sock",
            ["HostName"] = "mail.example.com",
            ["Mail:InternalNetworks:0"] = "10.0.0.0/8",
            ["Mail:InternalNetworks:1"] = "192.0.2.0/24",
            ["Dns:Servers:0"] = "127.0.0.1:5353",
            ["Store:ConnectionString"] = "Host=db;Database=signet",
        }, settings.OrderBy(s => s.Key).ToDictionary());
    }

    [Fact]
    public void ToConfiguration_SingleValuedOptionTwice_IsAUsageError()
    {
        var error = Assert.Throws<CliUsageException>(() => ServeCommandLine.ToConfiguration(["--milter", "127.0.0.1:1", "--milter", "127.0.0.1:2"]));

        Assert.Contains("--milter", error.Message, StringComparison.Ordinal);
    }
}
