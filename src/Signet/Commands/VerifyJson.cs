using System.Text.Json.Serialization;
using Signet.Dkim.Results;
using Signet.Dkim.Verification;

namespace Signet.Commands;

/// <summary>The JSON shape of <c>signet verify --json</c>: a contract scripts rely on.</summary>
public sealed record VerifyJson(
    [property: JsonPropertyName("from")] VerifyJson.FromJson From,
    [property: JsonPropertyName("signatures")] IReadOnlyList<VerifyJson.SignatureJson> Signatures)
{
    public static VerifyJson Create(DkimMessageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new VerifyJson(
            new FromJson(report.From.AuthorDomain, report.From.Status.ToString().ToLowerInvariant(), report.From.Message),
            report.Signatures.Select(s => new SignatureJson(
                s.Result.Identity.SigningDomain,
                s.Result.Identity.Selector,
                s.Result.Identity.Algorithm,
                AuthenticationResultsWriter.StatusWord(s.Result.Status),
                s.Result.Failure is null ? null : DkimFailureReasons.Token(s.Result.Failure.Reason),
                s.Result.Reason,
                s.Aligned,
                s.AlignmentDetail ?? s.AlignmentNote)).ToList());
    }

    public sealed record FromJson(
        [property: JsonPropertyName("domain")] string? Domain,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("message")] string Message);

    public sealed record SignatureJson(
        [property: JsonPropertyName("domain")] string? Domain,
        [property: JsonPropertyName("selector")] string? Selector,
        [property: JsonPropertyName("algorithm")] string? Algorithm,
        [property: JsonPropertyName("result")] string Result,
        [property: JsonPropertyName("failure")] string? Failure,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("aligned")] bool? Aligned,
        [property: JsonPropertyName("alignment")] string? Alignment);
}
