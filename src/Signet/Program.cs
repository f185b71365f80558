using Signet.Cli;

return await SignetCommandLine.RunAsync(args, CliConsole.System, CancellationToken.None).ConfigureAwait(false);
