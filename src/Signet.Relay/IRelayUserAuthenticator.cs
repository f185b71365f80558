namespace Signet.Relay;

/// <summary>Checks SMTP AUTH credentials. The host backs it with its user store; a store that cannot answer returns
/// <see cref="RelayAuthenticationResult.Unavailable"/>, and the client gets a temporary failure, not "wrong password".</summary>
public interface IRelayUserAuthenticator
{
    ValueTask<RelayAuthenticationResult> AuthenticateAsync(string userName, string password, CancellationToken cancellationToken);
}
