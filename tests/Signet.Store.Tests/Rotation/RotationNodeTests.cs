using System.Globalization;
using Signet.Store.Rotation;

namespace Signet.Store.Tests.Rotation;

/// <summary>Which lease holders a node may declare dead: only a process of this host and PID namespace that no longer
/// exists; everything it cannot be sure of waits for the lease to expire.</summary>
public sealed class RotationNodeTests
{
    private static readonly string[] ThisProcess = RotationNode.ForThisProcess().Split(':');

    [Fact]
    public void IsGone_AProcessIdOfThisHostThatDoesNotExist_IsGone() =>
        Assert.True(RotationNode.IsGone(Holder(ThisProcess[0], ThisProcess[1], UnusedProcessId())));

    [Fact]
    public void IsGone_ThisProcess_IsNotGone() => Assert.False(RotationNode.IsGone(RotationNode.ForThisProcess()));

    [Theory]
    [InlineData("other-host", null, "the holder runs on another host")]
    [InlineData(null, "pid.[1]", "the holder runs in another PID namespace")]
    public void IsGone_AHolderElsewhere_IsNotGone(string? host, string? pidNamespace, string because) =>
        Assert.False(RotationNode.IsGone(Holder(host ?? ThisProcess[0], pidNamespace ?? ThisProcess[1], UnusedProcessId())), because);

    [Theory]
    [InlineData("")]
    [InlineData("node-a")]
    [InlineData("host:1234:0123456789abcdef")]
    [InlineData("host:pid.[1]:-5:guid")]
    [InlineData("host:pid.[1]:99999999999999999999:guid")]
    [InlineData("::::")]
    public void IsGone_ANameOfAnotherForm_IsNotGone(string holder) => Assert.False(RotationNode.IsGone(holder));

    [Fact]
    public void IsGone_ALiveProcessOfThisHost_IsNotGone() =>
        Assert.False(RotationNode.IsGone(Holder(ThisProcess[0], ThisProcess[1], 1)));

    private static string Holder(string host, string pidNamespace, int processId) =>
        string.Join(':', host, pidNamespace, processId.ToString(CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N"));

    // A process id no process holds, from the top of the kernel's range: the kernel hands out ids upwards from the
    // last one it gave, so the top is the last place a new process lands during the test.
    private static int UnusedProcessId()
    {
        int maximum = int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim(), CultureInfo.InvariantCulture);
        for (int id = maximum - 1; id > 1; id--)
        {
            if (!Directory.Exists($"/proc/{id}"))
            {
                return id;
            }
        }

        throw new InvalidOperationException("every process id is in use");
    }
}
