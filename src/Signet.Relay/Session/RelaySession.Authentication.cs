using System.Text;
using Signet.Relay.Smtp;

namespace Signet.Relay.Session;

/// <summary>SMTP AUTH (RFC 4954) with PLAIN (RFC 4616) and LOGIN, checked by the injected authenticator.</summary>
internal sealed partial class RelaySession
{
    private bool AuthenticationOffered =>
        Options.Authentication && _context.Authenticator is not null && (_tls || !Options.AuthenticationRequiresTls);

    private async ValueTask<SmtpReply?> AuthenticateAsync(string argument, CancellationToken cancellationToken)
    {
        if (!Options.Authentication || _context.Authenticator is null)
        {
            return SmtpReply.Of(502, "5.5.1", "AUTH is not offered");
        }

        if (!AuthenticationOffered)
        {
            return SmtpReply.Of(538, "5.7.11", "encryption required: use STARTTLS first");
        }

        if (_authenticatedUser is not null)
        {
            return SmtpReply.Of(503, "5.5.1", "already authenticated");
        }

        string[] words = argument.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        string mechanism = words.Length > 0 ? words[0].ToUpperInvariant() : string.Empty;
        string? initial = words.Length > 1 ? words[1] : null;
        if (mechanism is not ("PLAIN" or "LOGIN"))
        {
            return SmtpReply.Of(504, "5.5.4", "unrecognized authentication mechanism");
        }

        (string User, string Password)? credentials = mechanism switch
        {
            "PLAIN" => await PlainAsync(initial, cancellationToken).ConfigureAwait(false),
            _ => await LoginAsync(initial, cancellationToken).ConfigureAwait(false),
        };

        if (credentials is not var (user, password))
        {
            return SmtpReply.Of(501, "5.5.2", "cannot decode the response, or authentication cancelled");
        }

        var client = _forwardedAddress ?? _remote.Address;
        var result = await _context.Authenticator.AuthenticateAsync(user, password, client, cancellationToken).ConfigureAwait(false);
        string address = client.ToString();
        switch (result)
        {
            case RelayAuthenticationResult.Succeeded:
                _authenticatedUser = user;
                _context.Logger.Authenticated(_sessionId, user);
                return SmtpReply.Of(235, "2.7.0", "authentication succeeded");
            case RelayAuthenticationResult.Unavailable:
                _context.Logger.AuthenticationRefused(_sessionId, user, address, "unavailable");
                return SmtpReply.Of(454, "4.7.0", "temporary authentication failure");
            case RelayAuthenticationResult.Throttled:
                _context.Logger.AuthenticationRefused(_sessionId, user, address, "throttled");
                return SmtpReply.Of(454, "4.7.0", "too many failed authentication attempts: try again later");
            default:
                _context.Logger.AuthenticationRefused(_sessionId, user, address, "failed");
                return SmtpReply.Of(535, "5.7.8", "authentication credentials invalid");
        }
    }

    /// <summary>PLAIN: authzid NUL authcid NUL password, base64; an authzid other than the user is not supported.</summary>
    private async ValueTask<(string, string)?> PlainAsync(string? initial, CancellationToken cancellationToken)
    {
        string? response = initial is null or "=" ? await ChallengeAsync(string.Empty, cancellationToken).ConfigureAwait(false) : initial;
        if (Decode(response) is not { } text)
        {
            return null;
        }

        string[] parts = text.Split('\0');
        return parts.Length == 3 && (parts[0].Length == 0 || parts[0] == parts[1]) && parts[1].Length > 0 ? (parts[1], parts[2]) : null;
    }

    private async ValueTask<(string, string)?> LoginAsync(string? initial, CancellationToken cancellationToken)
    {
        string? user = Decode(initial ?? await ChallengeAsync("Username:", cancellationToken).ConfigureAwait(false));
        if (string.IsNullOrEmpty(user))
        {
            return null;
        }

        string? password = Decode(await ChallengeAsync("Password:", cancellationToken).ConfigureAwait(false));
        return password is null ? null : (user, password);
    }

    /// <summary>Sends a 334 challenge and reads the client's line; "*" cancels (RFC 4954 §4).</summary>
    private async ValueTask<string?> ChallengeAsync(string prompt, CancellationToken cancellationToken)
    {
        await ReplyAsync(new SmtpReply(334, [Convert.ToBase64String(Encoding.UTF8.GetBytes(prompt))]), cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Options.ClientTimeout);
        var (line, tooLong) = await SmtpLineReader.ReadLineAsync(_reader, deadline.Token).ConfigureAwait(false);
        return tooLong || line is null or "*" ? null : line;
    }

    private static string? Decode(string? base64)
    {
        if (base64 is null)
        {
            return null;
        }

        byte[] buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out int written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
