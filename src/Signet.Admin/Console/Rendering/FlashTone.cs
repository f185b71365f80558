namespace Signet.Admin.Console.Rendering;

/// <summary>How an outcome is shown: a failure is never shown as a success.</summary>
public enum FlashTone
{
    /// <summary>Done, and all is well (green).</summary>
    Ok,

    /// <summary>Done, but something needs attention, or could not be found out (amber).</summary>
    Warning,

    /// <summary>Not done, or done and found wrong (red).</summary>
    Error,
}
