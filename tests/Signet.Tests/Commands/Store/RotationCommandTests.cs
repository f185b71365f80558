namespace Signet.Tests.Commands.Store;

/// <summary><c>signet publisher</c> and <c>signet rotation</c> on a SQLite store: the secret never on the command
/// line, settings that would leave a key unpublished refused with the reason, exit codes scripts can rely on.</summary>
public sealed class RotationCommandTests : IDisposable
{
    private const string Secret = "c2lnbmV0LXRlc3Qtc2VjcmV0LXRoaXJ0eS10d28tYnl0ZXM=";
    private readonly StoreCli _cli = new();

    [Fact]
    public async Task Publisher_AddFromSecretFile_ListRemove_RoundTrip()
    {
        await File.WriteAllTextAsync(_cli.File("tsig.secret"), Secret + "\n");

        Assert.Contains("added publisher knot", await _cli.Ok("publisher", "add", "--name", "knot", "--primary", "127.0.0.2:5353", "--zone", "example.com",
            "--key-name", "signet-update", "--secret-file", _cli.File("tsig.secret")));
        string listed = await _cli.Ok("publisher", "list");
        Assert.Equal("knot\tzone example.com\tprimary 127.0.0.2:5353\tkey signet-update\n", listed);
        Assert.DoesNotContain(Secret, listed, StringComparison.Ordinal);
        Assert.Contains("removed publisher knot", await _cli.Ok("publisher", "remove", "--name", "knot"));
        Assert.Equal(string.Empty, await _cli.Ok("publisher", "list"));
    }

    [Fact]
    public async Task PublisherAdd_SecretOnStandardInput_IsAccepted_AndGarbageExitsTwoWithTheReason()
    {
        var run = await _cli.RunWithInput(Secret, "publisher", "add", "--name", "knot", "--primary", "127.0.0.2", "--zone", "example.com", "--key-name", "k");
        Assert.Equal(0, run.ExitCode);

        var bad = await _cli.RunWithInput("not base64!", "publisher", "add", "--name", "other", "--primary", "127.0.0.2", "--zone", "example.com", "--key-name", "k");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("base64", bad.Error, StringComparison.Ordinal);

        var empty = await _cli.RunWithInput(string.Empty, "publisher", "add", "--name", "other", "--primary", "127.0.0.2", "--zone", "example.com", "--key-name", "k");
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("no TSIG secret", empty.Error, StringComparison.Ordinal);

        var huge = await _cli.RunWithInput(new string('A', 5000), "publisher", "add", "--name", "other", "--primary", "127.0.0.2", "--zone", "example.com", "--key-name", "k");
        Assert.Equal(2, huge.ExitCode);
        Assert.Contains("not a TSIG secret", huge.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotation_SetStatusPauseResumeRunNow_ShowTheSettingsAndState()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        await _cli.RunWithInput(Secret, "publisher", "add", "--name", "knot", "--primary", "127.0.0.2", "--zone", "example.com", "--key-name", "k");

        string set = await _cli.Ok("rotation", "set", "--domain", "example.com", "--publisher", "knot", "--every", "90d", "--keys", "both", "--overlap", "3d");
        Assert.Equal("example.com\tpublisher knot\trotation every 90d\tkeys Both\tselectors date\toverlap 3d\trevoked record kept 7d\n", set);
        string status = await _cli.Ok("rotation", "status", "--domain", "example.com");
        Assert.Contains("step\tIdle", status, StringComparison.Ordinal);
        Assert.Contains("next rotation\tat the next round (no active key yet)", status, StringComparison.Ordinal);
        Assert.Contains("rotation paused", await _cli.Ok("rotation", "pause", "--domain", "example.com"));
        Assert.Contains("next rotation\tpaused", await _cli.Ok("rotation", "status", "--domain", "example.com"));
        Assert.Contains("rotation resumed", await _cli.Ok("rotation", "resume", "--domain", "example.com"));
        Assert.Contains("rotation requested", await _cli.Ok("rotation", "run-now", "--domain", "example.com"));
        Assert.Contains("next rotation\trequested now", await _cli.Ok("rotation", "status", "--domain", "example.com"));
    }

    [Theory]
    [InlineData(2, "needs a publisher", "--every", "90d")]
    [InlineData(2, "shorter than the rotation interval", "--publisher", "knot", "--every", "5d")]
    [InlineData(2, "no publisher missing", "--publisher", "missing")]
    [InlineData(2, "expected rsa, ed25519 or both", "--keys", "dsa")]
    [InlineData(2, "expected date or counter", "--selectors", "random")]
    [InlineData(2, "expected a duration", "--every", "-5d")]
    [InlineData(2, "expected a duration", "--overlap", "99999999999999999999d")]
    public async Task RotationSet_Unsafe_ExitsTwoWithTheReason(int exitCode, string reason, params string[] options)
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        await _cli.RunWithInput(Secret, "publisher", "add", "--name", "knot", "--primary", "127.0.0.2", "--zone", "example.com", "--key-name", "k");

        var run = await _cli.Run(["rotation", "set", "--domain", "example.com", .. options]);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.Contains("rotation off", await _cli.Ok("rotation", "status", "--domain", "example.com"));
    }

    [Fact]
    public async Task RotationRunNow_WithoutAutomaticRotation_ExitsWithWhatToDo()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");

        var run = await _cli.Run("rotation", "run-now", "--domain", "example.com");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("choose a publisher and an interval", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
