using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Store.Access;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Setup;

/// <summary>First run: the page behind the one-time set-up link, where the first server admin chooses a name and a password.</summary>
public static class SetupPages
{
    public static void Map(RouteGroupBuilder anyone)
    {
        anyone.MapGet(ConsoleRoutes.Setup + "/{token}", Show);
        anyone.MapPost(ConsoleRoutes.Setup + "/{token}", CreateAsync);
    }

    private static IResult Show(HttpContext context, string token, FirstRunSetup setup) =>
        setup.IsValid(token) ? Form(context, token, null) : Invalid(context);

    private static async Task<IResult> CreateAsync(HttpContext context, string token, FirstRunSetup setup)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string name = form["name"].ToString();
        string password = form["password"].ToString();
        if (!setup.IsValid(token))
        {
            return Invalid(context);
        }

        if (password != form["confirm"].ToString())
        {
            return Form(context, token, "The two passwords are not the same.");
        }

        var created = await setup.CreateFirstAdministratorAsync(token, name, password, context.RequestAborted);
        if (!created.TryGetValue(out var user, out var error))
        {
            return setup.IsValid(token) ? Form(context, token, error.Message) : Invalid(context);
        }

        if (await ConsoleAuthentication.SignInAsync(context, new Actor(user.Id, user.Name, user.Role, new HashSet<string>(StringComparer.OrdinalIgnoreCase))) is { } notStarted)
        {
            return Flash.Redirect(context, ConsoleRoutes.SignIn, $"{user.Name} is the first server admin, but signing in failed: {notStarted.Message}. Sign in below.", isError: true);
        }

        return Flash.Redirect(context, ConsoleRoutes.ServerDkim, $"{user.Name} is the first server admin. The set-up link no longer works.");
    }

    private static IResult Form(HttpContext context, string token, string? error)
    {
        var errorMarkup = error is null ? Markup.Empty : Of($"""<div class="flash bad" role="alert"><strong>Not done: </strong>{error}</div>""");
        var fields = Of($"""
            {TextField("name", "Your user name", autocomplete: "username")}
            {TextField("password", "Password", type: "password", hint: "At least 12 characters. There is no default password: this one is yours.", autocomplete: "new-password")}
            {TextField("confirm", "The password again", type: "password", autocomplete: "new-password")}
            <button type="submit" class="button primary">Create the server admin</button>
            """);
        return Page.Render(context, "Set up Signet", Of($"""
            {errorMarkup}
            <p class="lead">This link works once. It creates the first server admin, who then adds domains and other admins.</p>
            <div class="card narrow">{Html.Form(context, ConsoleRoutes.Setup + "/" + token, fields, "stack")}</div>
            """));
    }

    private static IResult Invalid(HttpContext context) => Page.Render(context, "This set-up link does not work",
        Of($"""<p>It was used already, it expired, or the service was restarted (which makes a new link: see the output of <code>signet serve</code>).</p><p><a href="{ConsoleRoutes.SignIn}">Sign in</a></p>"""),
        null, null, StatusCodes.Status404NotFound);
}
