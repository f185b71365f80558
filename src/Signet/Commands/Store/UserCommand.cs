using System.CommandLine;
using Signet.Admin.Api.Users;
using System.Text;
using Signet.Cli;
using Signet.Store.Model;

namespace Signet.Commands.Store;

/// <summary><c>signet user add|list|password|remove</c>: the people who manage Signet in the console and through the API.</summary>
public sealed class UserCommand : StoreCommand
{
    /// <summary>A password file larger than this is not a password file.</summary>
    private const int MaximumPasswordBytes = 4096;

    public override string Name => "user";

    public override string Summary => "add, list or remove the users of the console and the API, or set a password";

    protected override string Description => """
        The people who sign in to the console and the API. A password is read from --password-file, or from
        standard input (its first line), never from an argument (arguments show in ps and in shell history).
        Passwords are at least 12 characters, not the user name, and not on Signet's list of the most
        common passwords.
        """;

    protected override IReadOnlyList<string> Examples { get; } =
    [
        "signet user add --name dana --domain example.com --password-file dana.password",
        "printf '%s\\n' \"$PASSWORD\" | signet user add --name sam --role server-admin",
        "signet user password --name sam --password-file sam.password",
    ];

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["add"] = new("a user; a domain admin manages only the domains given with --domain (repeat it); the default role is domain-admin", [
            NameOption(), CliOptions.Choice("role", "what the user may manage (default domain-admin)", "server-admin", "domain-admin"),
            Domains(), PasswordFile()], AddAsync),
        ["list"] = new("the users: name, role, domains, id", [], ListAsync, Lists: true),
        ["domains"] = new("the domains a domain admin manages from now on, replacing the ones before (none without --domain)", [NameOption(), Domains()], DomainsAsync),
        ["password"] = new("sets a new password (read as for add) and ends every console session of that user; it works on the store directly, so it is also how to get back in when the last server admin forgot their password", [NameOption(), PasswordFile()], PasswordAsync),
        ["remove"] = new("the user and their API tokens", [NameOption()], RemoveAsync, Idempotent: true),
    };

    /// <summary>The user called <c>--name</c>.</summary>
    public static async Task<UserEntry> FindAsync(StoreCommandContext context, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var users = StoreCommandContext.Ok(await context.Store.ListUsersAsync(StoreCommandContext.Actor, cancellationToken).ConfigureAwait(false));
        return users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new StoreCommandException(new Signet.Store.StoreError(Signet.Store.StoreErrorKind.NotFound,
                $"there is no user {name} (signet user list shows them)"));
    }

    private static Option<string> NameOption() => CliOptions.Value("name", "NAME", "the user's name", required: true);

    private static Option<string[]> Domains() => CliOptions.Repeatable("domain", "DOMAIN", "a domain the domain admin manages");

    private static Option<string> PasswordFile() => CliOptions.Value("password-file", "FILE", "read the password from FILE's first line instead of standard input");

    private static async Task<int> AddAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var role = context.Options.Get("role") switch
        {
            null or "domain-admin" => UserRole.DomainAdmin,
            "server-admin" => UserRole.ServerAdmin,
            { } other => throw new CliUsageException($"--role {other}: expected server-admin or domain-admin"),
        };
        string password = await ReadPasswordAsync(context, cancellationToken).ConfigureAwait(false);
        var user = StoreCommandContext.Ok(await context.Store.AddUserAsync(
            StoreCommandContext.Actor, context.Options.Require("name"), role, password, context.Options.GetAll("domain"), cancellationToken).ConfigureAwait(false));
        context.Console.WriteLine(Line(user));
        return ExitCodes.Success;
    }

    private static async Task<int> ListAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var users = StoreCommandContext.Ok(await context.Store.ListUsersAsync(StoreCommandContext.Actor, cancellationToken).ConfigureAwait(false));
        if (context.Json)
        {
            return context.WriteJson(users.Select(UserView.From).ToList());
        }

        foreach (var user in users)
        {
            context.Console.WriteLine(Line(user));
        }

        return ExitCodes.Success;
    }

    private static async Task<int> DomainsAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var user = await FindAsync(context, context.Options.Require("name"), cancellationToken).ConfigureAwait(false);
        var changed = StoreCommandContext.Ok(await context.Store.SetUserDomainsAsync(
            StoreCommandContext.Actor, user.Id, context.Options.GetAll("domain"), cancellationToken).ConfigureAwait(false));
        context.Console.WriteLine(Line(changed));
        return ExitCodes.Success;
    }

    private static async Task<int> PasswordAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var user = await FindAsync(context, context.Options.Require("name"), cancellationToken).ConfigureAwait(false);
        string password = await ReadPasswordAsync(context, cancellationToken).ConfigureAwait(false);
        StoreCommandContext.Ok(await context.Store.ResetPasswordAsync(StoreCommandContext.Actor, user.Id, password, null, cancellationToken).ConfigureAwait(false));
        context.Console.WriteLine($"set a new password for {user.Name}; their console sessions are ended");
        return ExitCodes.Success;
    }

    private static async Task<int> RemoveAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        string name = context.Options.Require("name");
        var users = StoreCommandContext.Ok(await context.Store.ListUsersAsync(StoreCommandContext.Actor, cancellationToken).ConfigureAwait(false));
        var user = users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
        if (user is null)
        {
            return context.AlreadyDone($"there is no user {TerminalText.Printable(name)}: nothing to remove");
        }

        StoreCommandContext.Ok(await context.Store.RemoveUserAsync(StoreCommandContext.Actor, user.Id, cancellationToken).ConfigureAwait(false));
        context.Console.WriteLine($"removed {user.Name}, their sessions and their API tokens");
        return ExitCodes.Success;
    }

    private static async Task<string> ReadPasswordAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        string source = context.Options.Get("password-file") is { } path ? path : "standard input";
        byte[] buffer = new byte[MaximumPasswordBytes + 1];
        int length = 0;
        var input = Streams.OpenInput(context.Options.Get("password-file"), context.Console);
        await using (input.ConfigureAwait(false))
        {
            int read;
            while (length < buffer.Length && (read = await input.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }

        if (length > MaximumPasswordBytes)
        {
            throw new CliUsageException($"{source}: more than {MaximumPasswordBytes} bytes: that is not a password");
        }

        // The first line is the password: a trailing newline from echo or an editor is not part of it.
        string text = Encoding.UTF8.GetString(buffer, 0, length);
        Array.Clear(buffer);
        int end = text.IndexOfAny(['\r', '\n']);
        string password = end < 0 ? text : text[..end];
        return password.Length > 0
            ? password
            : throw new CliUsageException($"no password in {source}: give it with --password-file FILE or on standard input");
    }

    private static string Line(UserEntry user) =>
        $"{user.Name}\t{(user.Role == UserRole.ServerAdmin ? "server-admin" : "domain-admin")}\t{(user.Domains.Count == 0 ? "-" : string.Join(",", user.Domains))}\t{user.Id}";
}
