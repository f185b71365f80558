using System.Net;
using Signet.Relay;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Security;

namespace Signet.Serve;

/// <summary>SMTP AUTH for the relay against the store's users: the same names and passwords as the console, and the
/// same <see cref="SignInThrottle"/> instance, so guesses on one front end slow the other down too. A throttled attempt
/// is answered after a short pause and without checking the password; a store that cannot answer gives a temporary
/// failure (454), never "wrong password".</summary>
internal sealed class StoreRelayUserAuthenticator(IUserStore store, SignInThrottle throttle, TimeProvider time) : IRelayUserAuthenticator
{
    /// <summary>A throttled answer waits this long (or the rest of the delay, if shorter), so a client that ignores
    /// 454 and retries at once on the same connection gets one answer per pause, not thousands.</summary>
    public static readonly TimeSpan ThrottledReplyPause = TimeSpan.FromSeconds(1);

    public async ValueTask<RelayAuthenticationResult> AuthenticateAsync(string userName, string password, IPAddress client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        string address = client.ToString();
        if (throttle.RetryAfter(userName, address) is { } wait)
        {
            await Task.Delay(wait < ThrottledReplyPause ? wait : ThrottledReplyPause, time, cancellationToken).ConfigureAwait(false);
            return RelayAuthenticationResult.Throttled;
        }

        StoreResult<Actor?> result;
        try
        {
            result = await store.AuthenticatePasswordAsync(userName, password, address, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // The relay's mapping of a store outage: a temporary failure, never "wrong password".
            return RelayAuthenticationResult.Unavailable;
        }

        if (!result.TryGetValue(out var actor, out _))
        {
            return RelayAuthenticationResult.Unavailable;
        }

        if (actor is null)
        {
            throttle.RecordFailure(userName, address);
            return RelayAuthenticationResult.Failed;
        }

        throttle.RecordSuccess(userName);
        return RelayAuthenticationResult.Succeeded;
    }
}
