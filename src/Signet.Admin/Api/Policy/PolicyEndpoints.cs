using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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
    /// <summary>Real header sections are a few KB; anything this large is not mail.</summary>
    public const int MaximumHeaderBytes = 1024 * 1024;

    public static void MapPolicyEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/policy/explain", ExplainAsync).WithTags("Policy").WithName("ExplainPolicy")
            .WithSummary("Which keys would sign this message, and why")
            .WithDescription("The body is the message (message/rfc822, or at least its header section). A domain admin may ask about mail from their own domains (and their subdomains) only.")
            .Accepts<string>("message/rfc822", "text/plain", "application/octet-stream");
    }

    private static async Task<Results<Ok<PolicyExplanationView>, ProblemHttpResult>> ExplainAsync(
        HttpContext http, ISignetStore store, CancellationToken cancellationToken)
    {
        var actor = ApiActor.Of(http);
        var header = await ReadHeaderAsync(http.Request.Body, cancellationToken).ConfigureAwait(false);
        if (header.Error is { } unusable)
        {
            return ApiProblems.Invalid(unusable);
        }

        var from = FromHeaderParser.Parse(header.Header!.Named("From").Select(f => f.ValueMemory).ToList());
        if (!AccessPolicy.IsServerAdmin(actor) && HiddenDomain(actor, from) is { } hidden)
        {
            return ApiProblems.From(AccessPolicy.NoSuchDomain(hidden));
        }

        SigningSnapshot snapshot;
        try
        {
            snapshot = await store.GetSigningSnapshotAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            return ApiProblems.From(new StoreError(StoreErrorKind.Unavailable, exception.Message));
        }

        return TypedResults.Ok(PolicyExplanationView.From(from, SigningPolicy.Decide(snapshot, from)));
    }

    /// <summary>A From domain the domain admin may not know about (not theirs, nor under one of theirs), so that the
    /// answer does not tell them how another domain is configured.</summary>
    private static string? HiddenDomain(Actor actor, FromDomainResult from)
    {
        if (from.Domains.Count == 0)
        {
            return null;
        }

        return from.Domains.FirstOrDefault(d => !actor.Domains.Contains(d) && !DomainNames.ParentsOf(d).Any(actor.Domains.Contains));
    }

    private static async Task<(DkimMessageHeader? Header, string? Error)> ReadHeaderAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        int bodyStart;
        while (true)
        {
            int read = await body.ReadAsync(buffer.GetMemory(16 * 1024), cancellationToken).ConfigureAwait(false);
            buffer.Advance(read);
            bodyStart = DkimHeaderSection.FindBodyStart(buffer.WrittenSpan);
            if (bodyStart >= 0 || read == 0)
            {
                break;
            }

            if (buffer.WrittenCount > MaximumHeaderBytes)
            {
                return (null, $"the header section is larger than {MaximumHeaderBytes / 1024} KB: send a mail message");
            }
        }

        var section = buffer.WrittenSpan[..(bodyStart < 0 ? buffer.WrittenCount : bodyStart)];
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
