using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;

namespace Signet.Dns.Publishing;

/// <summary>The one place that decides what a primary's answer to an update means. A prerequisite's outcome
/// (YXRRSET, NXRRSET) is returned as a code for the caller to judge; everything else that is not NOERROR becomes a
/// failure with its reason. An answer whose TSIG does not verify is never taken as success (RFC 8945 §5.3.3).</summary>
internal static class UpdateResponseMapping
{
    public static (ReturnCode Code, PublicationResult? Result) Map(DnsUpdateMessage? response, string name, Rfc2136PublisherSettings settings)
    {
        string primary = settings.Primary.ToString();
        if (response is null)
        {
            return (ReturnCode.ServerFailure, PublicationResult.Failed(PublicationFailure.Timeout,
                $"no answer from the primary {primary} within {settings.Timeout.TotalSeconds:0.#} s to the update of {name}: is it running and listening there?"));
        }

        var tsig = response.TSigOptions;

        // RFC 8945 §5.3.2: a request the server could not verify is answered NOTAUTH with the reason in the TSIG error field.
        if (tsig is not null && tsig.Error != ReturnCode.NoError)
        {
            return (response.ReturnCode, TsigError(tsig.Error, name, primary, settings.KeyName));
        }

        bool prerequisiteOutcome = response.ReturnCode is ReturnCode.NoError or ReturnCode.YXRRSet or ReturnCode.NXRRSet;
        if (prerequisiteOutcome && (tsig is null || tsig.ValidationResult != ReturnCode.NoError))
        {
            string why = tsig is null ? "carries no TSIG signature" : "carries a TSIG signature that does not verify with the key";
            return (response.ReturnCode, PublicationResult.Failed(PublicationFailure.ResponseNotAuthenticated,
                $"the answer from {primary} to the update of {name} {why}; it may be forged, so whether the change was made is unknown (tried again later)"));
        }

        return (response.ReturnCode, response.ReturnCode switch
        {
            ReturnCode.NoError or ReturnCode.YXRRSet or ReturnCode.NXRRSet => null,
            ReturnCode.Refused => PublicationResult.Failed(PublicationFailure.Refused,
                $"the primary {primary} refused the update of {name} (REFUSED): allow updates with key {settings.KeyName} to zone {settings.Zone} in its configuration"),
            ReturnCode.NotAuthoritive => PublicationResult.Failed(PublicationFailure.NotAuthorized,
                $"the primary {primary} is not authoritative for {settings.Zone} or does not accept key {settings.KeyName} for it (NOTAUTH)"),
            ReturnCode.NotZone => PublicationResult.Failed(PublicationFailure.NotZone,
                $"{name} is not within the zone {settings.Zone} as {primary} holds it (NOTZONE)"),
            ReturnCode.ServerFailure => PublicationResult.Failed(PublicationFailure.ServerFailure,
                $"the primary {primary} failed to apply the update of {name} (SERVFAIL): see its log"),
            _ => PublicationResult.Failed(PublicationFailure.Failed, $"the primary {primary} answered {Name(response.ReturnCode)} to the update of {name}"),
        });
    }

    public static string Name(ReturnCode code) => code switch
    {
        ReturnCode.FormatError => "FORMERR",
        ReturnCode.ServerFailure => "SERVFAIL",
        ReturnCode.NxDomain => "NXDOMAIN",
        ReturnCode.NotImplemented => "NOTIMP",
        ReturnCode.Refused => "REFUSED",
        ReturnCode.YXDomain => "YXDOMAIN",
        ReturnCode.YXRRSet => "YXRRSET",
        ReturnCode.NXRRSet => "NXRRSET",
        ReturnCode.NotAuthoritive => "NOTAUTH",
        ReturnCode.NotZone => "NOTZONE",
        _ => $"RCODE {(int)code}",
    };

    private static PublicationResult TsigError(ReturnCode error, string name, string primary, string keyName) => error switch
    {
        ReturnCode.BadSig => PublicationResult.Failed(PublicationFailure.BadSignature,
            $"the primary {primary} rejected the TSIG signature of key {keyName} on the update of {name} (BADSIG): the secret differs from the one the server has"),
        ReturnCode.BadKey => PublicationResult.Failed(PublicationFailure.BadKey,
            $"the primary {primary} does not accept the TSIG key {keyName} (hmac-sha256) for updates of {name} (BADKEY): check the key's name and algorithm there, and that its configuration lets this key update the zone"),
        ReturnCode.BadTime => PublicationResult.Failed(PublicationFailure.BadTime,
            $"the primary {primary} rejected the update of {name} because its clock and Signet's differ by more than 5 minutes (BADTIME): set both clocks by NTP"),
        _ => PublicationResult.Failed(PublicationFailure.Failed,
            $"the primary {primary} rejected the TSIG of the update of {name} with error {(int)error}"),
    };
}
