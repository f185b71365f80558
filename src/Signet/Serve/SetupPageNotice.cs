namespace Signet.Serve;

/// <summary>The default <see cref="IFirstRunNotice"/>: the console's set-up page, without a one-time token.</summary>
public sealed class SetupPageNotice : IFirstRunNotice
{
    public const string SetupPath = "/setup";

    public ValueTask<Uri?> CreateSetupLinkAsync(Uri consoleAddress, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Uri?>(new Uri(consoleAddress, SetupPath));
}
