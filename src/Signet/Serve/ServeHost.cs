using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Signet.Admin;
using Signet.Cli;
using Signet.Store;

namespace Signet.Serve;

/// <summary>Runs <c>signet serve</c>: one process with the milter, the console and the API, on ASP.NET Core's
/// generic host. Start fails with one line on stderr and exit status 2 for a setting it cannot use, and 1 when
/// something it needs is unavailable (a port taken, the database unreachable); SIGTERM or Ctrl+C stops it after the
/// messages in progress are finished.</summary>
public static class ServeHost
{
    public static async Task<int> RunAsync(ServeSources sources, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(console);
        if (await CheckFileAsync(sources).ConfigureAwait(false) is { } invalidFile)
        {
            // The value quoted may hold anything the file or the environment held: no terminal control reaches stderr.
            console.Error.WriteLine("signet serve: " + TerminalText.Printable(invalidFile));
            return ExitCodes.Usage;
        }

        var (built, invalid) = await BuildAndValidateAsync(sources).ConfigureAwait(false);
        if (invalid is not null)
        {
            console.Error.WriteLine("signet serve: " + TerminalText.Printable(invalid));
            return ExitCodes.Usage;
        }

        await using var app = built!;

        var storeOptions = app.Services.GetRequiredService<IOptions<StoreOptions>>().Value;
        StoreError? storeError;
        try
        {
            storeError = await app.Services.GetRequiredService<OpenedStore>().OpenAsync(storeOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException outage)
        {
            console.Error.WriteLine("signet serve: the store cannot be opened: " + outage.Message);
            return ExitCodes.Failure;
        }

        if (storeError is not null)
        {
            console.Error.WriteLine("signet serve: the store cannot be opened: " + storeError.Message);
            return storeError.Kind == StoreErrorKind.Invalid ? ExitCodes.Usage : ExitCodes.Failure;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Signet.Serve");
        if (await ServeHostName.ApplyAsync(app.Configuration, app.Services.GetRequiredService<OpenedStore>().Store, logger, cancellationToken)
            .ConfigureAwait(false) is { } hostNameError)
        {
            console.Error.WriteLine("signet serve: " + hostNameError);
            return ExitCodes.Usage;
        }

        var serve = app.Services.GetRequiredService<IOptions<ServeOptions>>().Value;
        foreach (string url in serve.Urls)
        {
            app.Urls.Add(url);
        }

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            // Kestrel names the address in its message ("Failed to bind to address http://…: address already in use"),
            // the milter in its own; one line either way.
            console.Error.WriteLine("signet serve: cannot listen: " + exception.Message.ReplaceLineEndings(" ").Trim());
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var milter = app.Services.GetRequiredService<MilterService>();
        logger.Serving(
            string.Join(' ', app.Urls), milter.LocalEndPoint?.ToString() ?? milter.Listen, storeOptions.DataDirectory,
            storeOptions.ConnectionString is null ? "sqlite" : "postgresql");
        DataDirectoryCheck.WarnWhenOpenToOthers(logger, storeOptions.DataDirectory);
        foreach (var old in MailSettingAliases.FindOldSpellings(sources, (IConfigurationRoot)app.Configuration))
        {
            logger.OldMailSetting(old.Source, old.Given, old.Current);
        }

        // Start-up leaves garbage (configuration, the service container, routing, the first store reads) in heap
        // regions that stay committed until the next collections, which an idle server may not see for hours. One
        // aggressive collection here gives them back to the system: idle resident memory 55 → 48 MB for the Native
        // AOT executable, 90 → 89 MB under the JIT (docs/performance.md, "Fourth round"), for one pause at start.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>The configuration file judged alone, with the checks a start makes: null when it is usable (or there
    /// is none), else one line that names the file and the setting. A value the environment or the command line
    /// overrides is still judged, so a file that works only thanks to them is reported before it is relied on.</summary>
    public static async Task<string?> CheckFileAsync(ServeSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.ConfigFile is null)
        {
            return null;
        }

        var (built, invalid) = await BuildAndValidateAsync(sources.FileOnly()).ConfigureAwait(false);
        if (built is not null)
        {
            await built.DisposeAsync().ConfigureAwait(false);
        }

        return invalid is null ? null : $"{sources.ConfigFile}: {invalid}";
    }

    private static WebApplication Build(ServeSources sources)
    {
        string baseDirectory = AppContext.BaseDirectory;
        // The slim builder leaves out what serve never uses (HTTP/3 over QUIC, regex route constraints, IIS, the Windows
        // event log, hosting start-up assemblies): a smaller executable, and less of it resident. HTTPS is added back.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = baseDirectory });
        builder.WebHost.UseKestrelHttpsConfiguration();
        ServeConfiguration.AddSources(builder.Configuration, baseDirectory, sources);
        ServeConfiguration.AddDerivedDefaults(builder.Configuration);
        ServeLogFormat.Configure(builder.Logging, ServeLogFormat.Choose(builder.Configuration[ServeLogFormat.ConfigurationKey]));
        builder.Services.AddSignetServe(builder.Configuration);
        builder.Services.AddSignetProxyHeaders();
        if (!string.IsNullOrEmpty(builder.Configuration["TlsCertificateFile"]))
        {
            // Kestrel asks for the certificate at every handshake, so a renewed one is served without a restart.
            builder.Services.AddSingleton<TlsCertificateFiles>();
            builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
                .Configure<IServiceProvider>((kestrel, services) => kestrel.ConfigureHttpsDefaults(https =>
                    https.ServerCertificateSelector = (_, _) => services.GetRequiredService<TlsCertificateFiles>().Current()));
        }


        var app = builder.Build();
        app.UseSignetProxyHeaders();
        app.MapSignetHealth();
        app.MapSignetAdmin();
        return app;
    }

    /// <summary>Builds the host and checks every options record now, before anything opens, listens or writes: the
    /// host, or the problems in one line.</summary>
    private static async Task<(WebApplication? App, string? Invalid)> BuildAndValidateAsync(ServeSources sources)
    {
        WebApplication? app = null;
        try
        {
            app = Build(sources);
            app.Services.GetService<IStartupValidator>()?.Validate();
            return (app, null);
        }
        catch (Exception exception) when (exception is OptionsValidationException or AggregateException or InvalidOperationException)
        {
            // InvalidOperationException is the binder's own complaint: a value of the wrong type, or an unknown key in
            // a component's section.
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            return (null, exception is AggregateException several
                ? string.Join("; ", several.InnerExceptions.Select(e => e.Message))
                : exception.Message);
        }
    }
}
