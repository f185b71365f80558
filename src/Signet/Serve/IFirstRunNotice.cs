namespace Signet.Serve;

/// <summary>What <c>signet serve</c> prints on standard output once the console listens, for a fresh installation:
/// the link that creates the first administrator. <see cref="ConsoleFirstRunNotice"/> asks the console for it.</summary>
public interface IFirstRunNotice
{
    /// <summary>The link to print, given where the console listens; null when there is nothing to set up (an
    /// administrator exists).</summary>
    ValueTask<Uri?> CreateSetupLinkAsync(Uri consoleAddress, CancellationToken cancellationToken);
}
