using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Signet.Admin.Console.Assets;
using Signet.Admin.Console.Check;
using Signet.Admin.Console.Domains;
using Signet.Admin.Console.Publishers;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Admin.Console.ServerKey;
using Signet.Admin.Console.Setup;
using Signet.Admin.Console.SignIn;
using Signet.Admin.Console.Users;
using Signet.Admin.Http;
using Signet.Store;
using Signet.Store.Security;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console;

/// <summary>The web console: registration and endpoints. Pages are rendered on the server from C# (no Razor SDK
/// needed): every value is HTML-encoded by <see cref="Html.Of"/>, every form carries an anti-forgery token, and every
/// response carries the security headers of <see cref="ConsoleRequest"/>. The host registers <see cref="ISignetStore"/>.</summary>
public static class SignetConsoleExtensions
{
    public static IServiceCollection AddSignetConsole(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddStoreAggregates();
        services.AddAuthentication().AddCookie(ConsoleAuthentication.Scheme, ConsoleAuthentication.Configure);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "signet-antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__signet_form";
            // Framing is refused by the console's own content security policy (frame-ancestors 'none').
            options.SuppressXFrameOptionsHeader = true;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SignInThrottle>();
        // The host may register its own lifetime; otherwise 8 hours idle, 12 hours at most.
        services.TryAddSingleton(SessionLifetime.Default);
        services.TryAddSingleton<FirstRunSetup>();
        MessageCheck.Register(services);
        return services;
    }

    public static IEndpointRouteBuilder MapSignetConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var anyone = Group(endpoints, ConsoleAccess.Anyone);
        var signedIn = Group(endpoints, ConsoleAccess.SignedIn);
        var serverAdmin = Group(endpoints, ConsoleAccess.ServerAdmin);

        anyone.MapGet(ConsoleRoutes.Home, HomeAsync);
        ConsoleAssets.Map(anyone);
        SetupPages.Map(anyone);
        SignInPages.Map(anyone);
        ServerKeyPages.Map(serverAdmin);
        ServerDomainPages.Map(serverAdmin);
        PublisherPages.Map(serverAdmin);
        UserPages.Map(serverAdmin);
        AuditPage.Map(serverAdmin);
        DomainPages.Map(signedIn);
        CheckPages.Map(signedIn);
        AccountPage.Map(signedIn);
        return endpoints;
    }

    private static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints, ConsoleAccess access)
    {
        var group = endpoints.MapGroup(string.Empty);
        group.AddEndpointFilterFactory((factory, next) => ConsoleRequest.Filter(factory, next, access));
        // Forms are read and their anti-forgery tokens checked by ConsoleRequest, the same way on every page.
        group.DisableAntiforgery();
        return group;
    }

    private static async Task<IResult> HomeAsync(HttpContext context, FirstRunSetup setup)
    {
        if (ConsoleRequest.Actor(context) is { } actor)
        {
            return Results.Redirect(actor.Role == UserRole.ServerAdmin ? ConsoleRoutes.ServerDkim : ConsoleRoutes.Domains);
        }

        if (!await setup.HasServerAdminAsync(context.RequestAborted))
        {
            return Page.Render(context, "Signet is not set up yet", Of($"""
                <p>There is no server admin yet, and no default password. Open the one-time set-up link that
                <code>signet serve</code> printed when it started; restarting the service prints a new one.</p>
                """));
        }

        return Results.Redirect(ConsoleRoutes.SignIn);
    }
}
