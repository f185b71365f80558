using Signet.Store.Model;

namespace Signet.Admin.Api.ServerKey;

/// <summary>The server-wide settings: the host name server-wide signatures use as d=, and whether server-wide signing
/// is on. <c>alignment</c> says in words that such signatures are not aligned with the From domain.</summary>
public sealed record ServerSettingsView(string HostName, bool ServerSigningEnabled, string Alignment)
{
    public const string NotAligned =
        "Server-wide signatures use d=<hostName> and are NOT aligned with the From domain: DMARC does not pass on them. "
        + "They only say which server sent the mail. For aligned signatures, add the domain and give it its own key.";

    public static ServerSettingsView From(ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ServerSettingsView(settings.HostName, settings.ServerSigningEnabled,
            NotAligned.Replace("<hostName>", settings.HostName, StringComparison.Ordinal));
    }
}

/// <summary>What to change in the server settings; absent fields stay as they are.</summary>
public sealed record UpdateServerSettingsRequest(string? HostName, bool? ServerSigningEnabled);
