using System.Net;

namespace Signet.Mail.Processing;

/// <summary>Tells our mail (to sign) from others' (to verify) by what the MTA (or the relay's own SMTP AUTH) vouches for:
/// an authenticated sender (<c>{auth_authen}</c>), or a client address in the internal networks. The milter and the
/// relay both ask here.
/// <para>A client over a Unix socket is not ours by that alone: the connect event's family says how the SMTP client
/// reached the MTA, not that the MTA knows it. Mail that local programs submit with sendmail(1) is still signed,
/// because Postfix's non_smtpd_milters (cleanup_milter.c) announces it as client "localhost" at 127.0.0.1, family inet,
/// which the default internal networks hold.</para></summary>
internal sealed class DkimDirectionClassifier(IReadOnlyList<IPNetwork> internalNetworks)
{
    public bool IsOutbound(DkimMessageOrigin origin, out string reason)
    {
        if (origin.AuthenticatedUser is { Length: > 0 } user)
        {
            reason = "authenticated as " + user;
            return true;
        }

        var address = origin.ClientAddress;
        if (address is null)
        {
            reason = "client address unknown";
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in internalNetworks)
        {
            if (network.Contains(address))
            {
                reason = $"client {address} is in internal network {network}";
                return true;
            }
        }

        reason = $"client {address} is external and not authenticated";
        return false;
    }
}
