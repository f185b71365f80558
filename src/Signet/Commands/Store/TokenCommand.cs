using System.CommandLine;
using Signet.Admin.Api.Tokens;
using System.Globalization;
using Signet.Cli;
using Signet.Store.Model;

namespace Signet.Commands.Store;

/// <summary><c>signet token create|list|revoke</c>: API tokens, shown once when created, listed without their secret.</summary>
public sealed class TokenCommand : StoreCommand
{
    /// <summary>The longest expiry accepted: ten years. A longer-lived token is one without expiry, chosen knowingly.</summary>
    private const int MaximumExpiryDays = 3650;

    public override string Name => "token";

    public override string Summary => "create (shown once), list or revoke API tokens";

    protected override string Description => """
        API tokens (sgt_…): each acts with its user's role and domains. Signet keeps only a token's hash: store
        it when it is created, it cannot be shown again. Send it to the API as "Authorization: Bearer sgt_…".
        """;

    protected override IReadOnlyList<string> Examples { get; } =
    [
        "signet token create --user dana --description \"DNS automation\" --expires-in-days 90 > dana.token",
        "signet token list --user dana",
        "signet token revoke --id 3f2c0c8e-…",
    ];

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["create"] = new("prints a new API token for the user on standard output", [
            CliOptions.Value("user", "NAME", "create: whose token it is; list: show only this user's tokens", required: true),
            CliOptions.Value("description", "TEXT", "what the token is for"),
            CliOptions.Value("expires-in-days", "N", "refuse the token after N days (1 to 3650; default never)")], CreateAsync),
        ["list"] = new("the tokens: id, user, prefix, created, last used, expires, description", [
            CliOptions.Value("user", "NAME", "create: whose token it is; list: show only this user's tokens")], ListAsync, Lists: true),
        ["revoke"] = new("the token stops working at once", [CliOptions.Value("id", "ID", "the token's id as signet token list shows it", required: true)], RevokeAsync, Idempotent: true),
    };

    private static async Task<int> CreateAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        DateTimeOffset? expiresAt = null;
        if (context.Options.Get("expires-in-days") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int days) || days is < 1 or > MaximumExpiryDays)
            {
                throw new CliUsageException($"--expires-in-days {text}: expected a whole number of days from 1 to {MaximumExpiryDays}");
            }

            expiresAt = DateTimeOffset.UtcNow.AddDays(days);
        }

        var user = await UserCommand.FindAsync(context, context.Options.Require("user"), cancellationToken).ConfigureAwait(false);
        string token = StoreCommandContext.Ok(await context.Store.CreateTokenAsync(
            StoreCommandContext.Actor, user.Id, context.Options.Get("description") ?? string.Empty, expiresAt, cancellationToken).ConfigureAwait(false));
        context.Note($"{context.CommandLine}: a token for {user.Name}; this is the only time it is shown, and it is a secret");
        context.Console.WriteLine(token);
        return ExitCodes.Success;
    }

    private static async Task<int> ListAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var tokens = StoreCommandContext.Ok(await context.Store.ListTokensAsync(StoreCommandContext.Actor, cancellationToken).ConfigureAwait(false));
        if (context.Options.Get("user") is { } name)
        {
            var user = await UserCommand.FindAsync(context, name, cancellationToken).ConfigureAwait(false);
            tokens = tokens.Where(t => t.UserId == user.Id).ToList();
        }

        if (context.Json)
        {
            return context.WriteJson(tokens.Select(TokenView.From).ToList());
        }

        foreach (var token in tokens)
        {
            context.Console.WriteLine(Line(token));
        }

        return ExitCodes.Success;
    }

    private static async Task<int> RevokeAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        string text = context.Options.Require("id");
        if (!Guid.TryParse(text, out var id))
        {
            throw new CliUsageException($"--id {text}: expected a token id as signet token list shows it");
        }

        var tokens = StoreCommandContext.Ok(await context.Store.ListTokensAsync(StoreCommandContext.Actor, cancellationToken).ConfigureAwait(false));
        if (tokens.All(t => t.Id != id))
        {
            return context.AlreadyDone($"there is no token {id} (revoked already, or never made): nothing to revoke");
        }

        StoreCommandContext.Ok(await context.Store.RevokeTokenAsync(StoreCommandContext.Actor, id, cancellationToken).ConfigureAwait(false));
        context.Console.WriteLine($"revoked the token {id}: it no longer works");
        return ExitCodes.Success;
    }

    private static string Line(TokenEntry token) =>
        $"{token.Id}\t{TerminalText.Printable(token.UserName)}\t{token.Prefix}…\t{Time(token.CreatedAt)}\t{(token.LastUsedAt is { } used ? Time(used) : "never-used")}\t" +
        $"{(token.ExpiresAt is { } expires ? Time(expires) : "no-expiry")}\t{(token.Description.Length == 0 ? "-" : TerminalText.Printable(token.Description))}";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);
}
