using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
using Signet.Dkim.Messages;
using Signet.Dkim.Results;
using Signet.Dkim.Verification;
using Signet.Dns;
using Signet.Store;

namespace Signet.Admin.Console.Check;

/// <summary>Checks a pasted or uploaded message as Signet's verifier would on the mail path: every signature with its
/// result and reason, alignment with the From domain (organizational domain by the DMARC DNS tree walk), and the
/// Authentication-Results field Signet would add.</summary>
public sealed class MessageCheck(ITxtRecordSource dns, TimeProvider time)
{
    /// <summary>The largest message the console checks (pasted or uploaded, 10 MB): it is held in memory whole, and
    /// mail larger than this is rare enough to check with <c>signet verify</c> instead.</summary>
    public const int MaximumMessageBytes = 10 * 1024 * 1024;

    /// <summary>Registers the check once for the console and the API. It looks keys up where the store looks them up
    /// (its resolver options), unless the host gives a source.</summary>
    public static void Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITxtRecordSource>(sp => new DnsTxtRecordSource(
            (sp.GetRequiredService<ISignetStore>() as SignetStore)?.Options.DnsResolver ?? new DnsResolverOptions()));
        services.TryAddSingleton<MessageCheck>();
    }

    public async Task<MessageCheckResult> CheckAsync(byte[] message, string authservId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var section = new DkimHeaderSectionBuffer();
        int bodyStart = section.Append(message);
        section.End(); // a message with no empty line is all header
        if (section.IsTooLarge)
        {
            return MessageCheckResult.NotAMessage(section.TooLargeReason);
        }

        var headerBytes = DkimHeaderSection.WithoutSeparator(section.Section);
        if (!DkimMessageHeader.TryParse(headerBytes, out var header, out string error) || header.Fields.Count == 0)
        {
            return MessageCheckResult.NotAMessage(error.Length > 0 ? error : "it has no header fields");
        }

        var authentication = await DkimMessageAuthenticator.AuthenticateAsync(new DkimVerifier(dns, DkimVerifierOptions.Default, time), header,
            message.AsMemory(bodyStart), new DmarcTreeWalkResolver(new DmarcTreeWalk(dns)), authservId, "\n", cancellationToken).ConfigureAwait(false);
        return new MessageCheckResult(null, authentication.Report, authentication.AuthenticationResultsText);
    }
}
