using System.Net;

namespace Signet.Relay;

/// <summary>Checks SMTP AUTH credentials. The host backs it with its user store; a store that cannot answer returns
/// <see cref="RelayAuthenticationResult.Unavailable"/>, and the client gets a temporary failure, not "wrong password".
/// The client's address is given so the host can slow guessing per address as well as per user
/// (<see cref="RelayAuthenticationResult.Throttled"/>).</summary>
public interface IRelayUserAuthenticator
{
    ValueTask<RelayAuthenticationResult> AuthenticateAsync(string userName, string password, IPAddress client, CancellationToken cancellationToken);
}
