using System.Text.Json.Serialization;
using Signet.Dkim.Results;
using Signet.Dkim.Verification;

namespace Signet.Admin.Api.Check;

/// <summary>The JSON shape of a checked message, written once for <c>signet verify --json</c> and
/// <c>POST /api/check</c>: a contract scripts rely on. <c>authenticationResults</c>, the field Signet would add, is
/// given by the API only (verify prints it without --json).</summary>
public sealed record MessageReportView(
    [property: JsonPropertyName("from")] MessageReportView.FromJson From,
    [property: JsonPropertyName("signatures")] IReadOnlyList<MessageReportView.SignatureJson> Signatures,
    [property: JsonPropertyName("authenticationResults"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AuthenticationResults = null)
{
    public static MessageReportView Create(DkimMessageReport report, string? authenticationResults = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new MessageReportView(
            new FromJson(report.From.AuthorDomain, report.From.Status.ToString().ToLowerInvariant(), report.From.Message),
            report.Signatures.Select(s => new SignatureJson(
                s.Result.Identity.SigningDomain,
                s.Result.Identity.Selector,
                s.Result.Identity.Algorithm,
                AuthenticationResultsWriter.StatusWord(s.Result.Status),
                s.Result.Failure is null ? null : DkimFailureReasons.Token(s.Result.Failure.Reason),
                s.Result.Reason,
                s.Aligned,
                s.AlignmentDetail ?? s.AlignmentNote)).ToList(),
            authenticationResults);
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
