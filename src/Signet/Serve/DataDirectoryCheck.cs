using Microsoft.Extensions.Logging;
using Signet.Store.Security;

namespace Signet.Serve;

/// <summary>The start-up look at the data folder: Signet's own files in it are 0600 whatever the folder's mode, but a
/// folder others can enter or write lets them see which files exist, or replace them.</summary>
internal static class DataDirectoryCheck
{
    public static void WarnWhenOpenToOthers(ILogger logger, string dataDirectory)
    {
        if (!OperatingSystem.IsWindows() && Directory.Exists(dataDirectory) && OwnerOnlyFiles.IsOpenToOthers(dataDirectory))
        {
            logger.DataDirectoryOpenToOthers(dataDirectory, Convert.ToString((int)File.GetUnixFileMode(dataDirectory), 8).PadLeft(4, '0'));
        }
    }
}
