using Signet.Admin.Console.Setup;

namespace Signet.Serve;

/// <summary>The console's one-time set-up link (<see cref="FirstRunSetup"/>): a random token, valid once, and only
/// while the server has no server admin.</summary>
public sealed class ConsoleFirstRunNotice(FirstRunSetup setup) : IFirstRunNotice
{
    public async ValueTask<Uri?> CreateSetupLinkAsync(Uri consoleAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consoleAddress);
        string? link = await setup.CreateSetupLinkIfNoAdministratorAsync(consoleAddress.ToString(), cancellationToken).ConfigureAwait(false);
        return link is null ? null : new Uri(link);
    }
}
