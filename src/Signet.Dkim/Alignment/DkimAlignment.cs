namespace Signet.Dkim.Alignment;

/// <summary>Checks DKIM Identifier Alignment: whether a signature's signing domain (d=) and the Author Domain are
/// identical (strict) or share an Organizational Domain (relaxed), as RFC 9989 §4.4.1 defines them.</summary>
public static class DkimAlignment
{
    /// <summary>Checks alignment with a synchronous <paramref name="organizationalDomainOf"/> (for example
    /// <see cref="PublicSuffixList.GetOrganizationalDomain"/>); <paramref name="method"/> names it in the result.
    /// It is called with lower-case A-labels and only when relaxed mode needs it.</summary>
    public static AlignmentResult Check(
        string signingDomain,
        string fromDomain,
        AlignmentMode mode,
        Func<string, string> organizationalDomainOf,
        OrganizationalDomainMethod method)
    {
        if (Prepare(signingDomain, fromDomain, mode, out string signing, out string from) is { } decided)
        {
            return decided;
        }

        if (!TryOrganizationalDomain(organizationalDomainOf, signing, out string signingOrganizational, out string error)
            || !TryOrganizationalDomain(organizationalDomainOf, from, out string fromOrganizational, out error))
        {
            return Invalid(signing, from, mode, error);
        }

        return Compare(signing, from, mode, signingOrganizational, fromOrganizational, method);
    }

    /// <summary>Checks alignment, finding Organizational Domains with <paramref name="resolver"/>. A resolver that
    /// cannot decide (DNS failure) makes the result <see cref="AlignmentStatus.TemporaryFailure"/> or
    /// <see cref="AlignmentStatus.PermanentFailure"/>, never "not aligned".</summary>
    public static async ValueTask<AlignmentResult> CheckAsync(
        string signingDomain,
        string fromDomain,
        AlignmentMode mode,
        IOrganizationalDomainResolver resolver,
        CancellationToken cancellationToken)
    {
        if (Prepare(signingDomain, fromDomain, mode, out string signing, out string from) is { } decided)
        {
            return decided;
        }

        var fromResult = await resolver.ResolveAsync(from, cancellationToken).ConfigureAwait(false);
        if (!fromResult.IsFound)
        {
            return Undetermined(signing, from, mode, fromResult);
        }

        var signingResult = await resolver.ResolveAsync(signing, cancellationToken).ConfigureAwait(false);
        if (!signingResult.IsFound)
        {
            return Undetermined(signing, from, mode, signingResult);
        }

        return Compare(signing, from, mode, signingResult.OrganizationalDomain, fromResult.OrganizationalDomain, resolver.Method);
    }

    /// <summary>Normalizes both domains and decides every case that needs no Organizational Domain; null when
    /// relaxed mode must compare Organizational Domains.</summary>
    private static AlignmentResult? Prepare(string signingDomain, string fromDomain, AlignmentMode mode, out string signing, out string from)
    {
        from = string.Empty;
        if (!DomainName.TryNormalize(signingDomain, out signing, out string error))
        {
            return Invalid(signingDomain, fromDomain, mode, $"the signing domain is not usable: {error}");
        }

        if (!DomainName.TryNormalize(fromDomain, out from, out error))
        {
            return Invalid(signing, fromDomain, mode, $"the From domain is not usable: {error}");
        }

        string modeName = Name(mode);
        if (signing == from)
        {
            // RFC 9989 §4.10.2: identical domains need no tree walk; they align in either mode.
            return new(AlignmentStatus.Aligned, mode, signing, from, string.Empty, string.Empty, OrganizationalDomainMethod.None,
                $"d={signing} is aligned with From domain {from} ({modeName}: identical domains)");
        }

        if (mode == AlignmentMode.Strict)
        {
            // RFC 9989 §4.4.1: strict mode needs the two domains to be identical.
            return new(AlignmentStatus.NotAligned, mode, signing, from, string.Empty, string.Empty, OrganizationalDomainMethod.None,
                $"d={signing} is not aligned with From domain {from} (strict: the domains differ, and strict alignment needs them identical)");
        }

        return null;
    }

    // RFC 9989 §4.4.1: relaxed mode needs the same Organizational Domain.
    private static AlignmentResult Compare(
        string signing, string from, AlignmentMode mode, string signingOrganizational, string fromOrganizational, OrganizationalDomainMethod method)
    {
        string foundBy = method switch
        {
            OrganizationalDomainMethod.DnsTreeWalk => "found by DNS tree walk",
            OrganizationalDomainMethod.PublicSuffixList => "found by public suffix list",
            _ => "as given",
        };
        bool aligned = signingOrganizational == fromOrganizational;
        string message = aligned
            ? $"d={signing} is aligned with From domain {from} ({Name(mode)}: same organizational domain {fromOrganizational}, {foundBy})"
            : $"d={signing} is not aligned with From domain {from} ({Name(mode)}: organizational domain {signingOrganizational} differs from {fromOrganizational}, {foundBy})";
        return new(aligned ? AlignmentStatus.Aligned : AlignmentStatus.NotAligned, mode, signing, from,
            signingOrganizational, fromOrganizational, method, message);
    }

    private static bool TryOrganizationalDomain(Func<string, string> organizationalDomainOf, string domain, out string organizational, out string error)
    {
        if (DomainName.TryNormalize(organizationalDomainOf(domain), out organizational, out error))
        {
            return true;
        }

        error = $"the organizational domain given for {domain} is not usable: {error}";
        return false;
    }

    private static AlignmentResult Undetermined(string signing, string from, AlignmentMode mode, OrganizationalDomainResult failure)
    {
        var status = failure.Status switch
        {
            OrganizationalDomainStatus.TemporaryFailure => AlignmentStatus.TemporaryFailure,
            OrganizationalDomainStatus.PermanentFailure => AlignmentStatus.PermanentFailure,
            _ => AlignmentStatus.InvalidDomain,
        };
        return new(status, mode, signing, from, string.Empty, string.Empty, failure.Method,
            $"alignment of d={signing} with From domain {from} is undetermined: {failure.Message}");
    }

    private static AlignmentResult Invalid(string signing, string from, AlignmentMode mode, string reason) =>
        new(AlignmentStatus.InvalidDomain, mode, signing, from, string.Empty, string.Empty, OrganizationalDomainMethod.None,
            $"alignment cannot be checked: {reason}");

    private static string Name(AlignmentMode mode) => mode == AlignmentMode.Strict ? "strict" : "relaxed";
}
