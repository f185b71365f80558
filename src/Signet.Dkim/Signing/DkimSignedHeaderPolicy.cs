using Signet.Dkim.Messages;

namespace Signet.Dkim.Signing;

/// <summary>Which header fields a signature covers (h=). The defaults sign what a reader sees and what MIME needs,
/// and oversign the fields an attacker would add: each of those is named once more than it occurs (or once when
/// absent), so an added instance breaks the signature (RFC 6376 §5.4.2, §8.15).</summary>
public sealed class DkimSignedHeaderPolicy
{
    /// <summary>Fields signed when present.</summary>
    public static IReadOnlyList<string> DefaultSigned { get; } =
    [
        "From", "Reply-To", "Subject", "Date", "Message-ID", "To", "Cc", "In-Reply-To", "References",
        "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Content-ID", "Content-Description",
        "Content-Disposition", "Content-Language", "Sender", "Resent-Date", "Resent-From", "Resent-To",
        "Resent-Cc", "Resent-Message-ID", "List-Id", "List-Help", "List-Unsubscribe", "List-Unsubscribe-Post",
        "List-Subscribe", "List-Post", "List-Owner", "List-Archive", "Feedback-ID",
    ];

    /// <summary>Fields named once more than they occur, so none can be added without breaking the signature.</summary>
    public static IReadOnlyList<string> DefaultOversigned { get; } =
        ["From", "Reply-To", "Subject", "Date", "Message-ID", "To", "Cc", "Sender", "In-Reply-To", "References"];

    /// <summary>Never signed: relays add or rewrite them in transit, so signing them only makes signatures fail.</summary>
    public static IReadOnlyList<string> NeverSigned { get; } =
        ["Received", "Return-Path", "DKIM-Signature", "Authentication-Results", "ARC-Seal", "ARC-Message-Signature",
         "ARC-Authentication-Results", "X-Original-To", "Delivered-To"];

    private readonly IReadOnlyList<string> _signed;
    private readonly string[] _lowerCase;
    private readonly HashSet<string> _oversigned;

    private DkimSignedHeaderPolicy(IReadOnlyList<string> signed, IEnumerable<string> oversigned)
    {
        _signed = signed;
        _lowerCase = signed.Select(n => n.ToLowerInvariant()).ToArray();
        _oversigned = new HashSet<string>(oversigned, StringComparer.OrdinalIgnoreCase);
    }

    public static DkimSignedHeaderPolicy Default { get; } = new(DefaultSigned, DefaultOversigned);

    /// <summary>A policy over the given field names (oversigning those of them that are in the default oversigned set).
    /// Refuses lists without From (RFC 6376 §5.4) and fields that relays rewrite.</summary>
    public static bool TryCreate(IEnumerable<string> names, out DkimSignedHeaderPolicy policy, out string error)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        policy = Default;
        if (!list.Contains("From", StringComparer.OrdinalIgnoreCase))
        {
            error = "the signed header list must include From (RFC 6376 §5.4)";
            return false;
        }

        string? rewritten = list.FirstOrDefault(n => NeverSigned.Contains(n, StringComparer.OrdinalIgnoreCase));
        if (rewritten is not null)
        {
            error = $"{rewritten} cannot be signed: relays add or rewrite it, so the signature would fail";
            return false;
        }

        string? invalid = list.FirstOrDefault(n => n.Any(c => c is < '!' or > '~' or ':'));
        if (invalid is not null)
        {
            error = $"\"{invalid}\" is not a header field name";
            return false;
        }

        policy = new DkimSignedHeaderPolicy(list, DefaultOversigned);
        error = string.Empty;
        return true;
    }

    /// <summary>The h= list for this message: each signed field as often as it occurs, oversigned ones once more.</summary>
    public IReadOnlyList<string> Choose(DkimMessageHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var occurrences = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in header.Fields)
        {
            occurrences[field.Name] = occurrences.GetValueOrDefault(field.Name) + 1;
        }

        var chosen = new List<string>(_signed.Count + _oversigned.Count);
        for (int i = 0; i < _signed.Count; i++)
        {
            int count = occurrences.GetValueOrDefault(_signed[i]) + (_oversigned.Contains(_signed[i]) ? 1 : 0);
            for (int n = 0; n < count; n++)
            {
                chosen.Add(_lowerCase[i]);
            }
        }

        return chosen;
    }
}
