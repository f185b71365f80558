namespace Signet.Serve;

/// <summary>The hook the web console provides for a fresh installation: when the store has no user yet,
/// <c>signet serve</c> asks it for the one-time link that creates the first administrator and prints that link on
/// standard output. Until the console registers its own, <see cref="SetupPageNotice"/> points at <c>/setup</c>.</summary>
public interface IFirstRunNotice
{
    /// <summary>The link to print, given where the console listens; null when there is nothing to set up.</summary>
    ValueTask<Uri?> CreateSetupLinkAsync(Uri consoleAddress, CancellationToken cancellationToken);
}
