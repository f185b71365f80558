using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Access;
using Signet.Dkim.Alignment;
using Signet.Dkim.Messages;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Policy;

namespace Signet.Admin.Api.Policy;

/// <summary><c>POST /api/policy/explain</c>: which keys would sign a message, and why, under the configuration in force
/// now. Only the header section is read; the body does not affect the decision.</summary>
public static class PolicyEndpoints
{
    /// <summary>The mail path's cap (<see cref="DkimHeaderSectionBuffer.DefaultMaximumBytes"/>): the API explains what
    /// the mail path would do, so it reads no more than the mail path would.</summary>
    public const int MaximumHeaderBytes = DkimHeaderSectionBuffer.DefaultMaximumBytes;

    public static void MapPolicyEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/policy/explain", ExplainAsync).WithTags("Policy").WithName("ExplainPolicy")
            .WithSummary("Which keys would sign this message, and why")
            .WithDescription("The body is the message (message/rfc822, or at least its header section). A domain admin may ask about mail from their own domains (and the subdomains signed with their keys) only, and sees only their own domains' keys. With ?as=USER (server admins, or a user as themselves), also whether that user may have the message signed when they authenticate to send it.")
            .Accepts<string>("message/rfc822", "text/plain", "application/octet-stream");
    }

    private static async Task<Results<Ok<PolicyExplanationView>, ProblemHttpResult>> ExplainAsync(
        HttpContext http, ISigningSnapshotSource store, [FromQuery(Name = "as")] string? asUser, CancellationToken cancellationToken)
    {
        var actor = ApiActor.Of(http);
        if (asUser is not null && asUser != actor.Name && !AccessPolicy.IsServerAdmin(actor))
        {
            // Another user's domains are theirs to know: a domain admin may explain only as themselves.
            return ApiProblems.From(new StoreError(StoreErrorKind.Forbidden, $"explaining as another user is for server admins; {actor.Name} is a domain admin"));
        }

        var header = await ReadHeaderAsync(http.Request.Body, cancellationToken).ConfigureAwait(false);
        if (header.Error is { } unusable)
        {
            return ApiProblems.Invalid(unusable);
        }

        // The policy snapshot opens no private key: explaining needs only which keys would sign.
        var snapshot = await store.GetPolicySnapshotAsync(cancellationToken).ConfigureAwait(false);

        var from = FromHeaderParser.Parse(header.Header!.Named("From").Select(f => f.ValueMemory).ToList());
        bool serverAdmin = AccessPolicy.IsServerAdmin(actor);
        if (!serverAdmin && NotTheirs(snapshot, actor, from) is { } hidden)
        {
            // The same answer whether the domain is another tenant's, unknown, or a subdomain another admin protects.
            return ApiProblems.From(new StoreError(StoreErrorKind.NotFound, $"{hidden} is not one of your domains"));
        }

        SubmissionView? submission = null;
        if (asUser is not null)
        {
            var decided = SubmissionPolicy.Decide(snapshot, asUser, from);
            submission = SubmissionView.From(asUser, decided);
            if (!decided.Allowed)
            {
                return TypedResults.Ok(PolicyExplanationView.Refused(from, submission));
            }
        }

        var decision = SigningPolicy.Decide(snapshot, from);
        return TypedResults.Ok(PolicyExplanationView.From(from, decision, submission,
            key => serverAdmin || (actor.Domains.Contains(key.Domain) && !IsServerKey(snapshot, key.Id))));
    }

    /// <summary>A From domain that is not the domain admin's by <see cref="SubmissionPolicy"/> (theirs, or a subdomain
    /// signed with theirs' keys), so that the answer does not tell them how another domain is configured.</summary>
    private static string? NotTheirs(SigningSnapshot snapshot, Actor actor, FromDomainResult from)
    {
        var user = new SubmissionUser(actor.Name, actor.Role, actor.Domains);
        return from.Domains.FirstOrDefault(d => !SubmissionPolicy.IsTheirs(snapshot, user, d.TrimEnd('.').ToLowerInvariant()));
    }

    private static bool IsServerKey(SigningSnapshot snapshot, Guid keyId) => snapshot.ServerKeys.Any(k => k.Id == keyId);

    private static async Task<(DkimMessageHeader? Header, string? Error)> ReadHeaderAsync(Stream body, CancellationToken cancellationToken)
    {
        var reader = new DkimHeaderSectionBuffer(MaximumHeaderBytes);
        byte[] chunk = new byte[16 * 1024];
        while (!reader.IsComplete && !reader.IsTooLarge)
        {
            int read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                reader.End();
                break;
            }

            reader.Append(chunk.AsSpan(0, read));
        }

        if (reader.IsTooLarge)
        {
            return (null, $"{reader.TooLargeReason}: send a mail message");
        }

        var section = reader.Section;
        if (section.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, "the request body is empty: send the message (at least its header section) as message/rfc822");
        }

        if (!DkimMessageHeader.TryParse(DkimHeaderSection.WithoutSeparator(section), out var header, out string error) || header.Fields.Count == 0)
        {
            return (null, "the request body is not a mail message: " + (error.Length > 0 ? error : "it has no header fields"));
        }

        return (header, null);
    }
}
