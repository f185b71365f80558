using Signet.Dkim;

namespace Signet.Admin.Api.Policy;

/// <summary>A key that would sign: its id, d=, s= and algorithm.</summary>
public sealed record SigningKeyView(Guid Id, string Domain, string Selector, string RecordName, string Algorithm)
{
    public static SigningKeyView From(Signet.Store.SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SigningKeyView(key.Id, key.Domain, key.Selector, $"{key.Selector}._domainkey.{key.Domain}", key.Algorithm.ToTagValue());
    }
}
