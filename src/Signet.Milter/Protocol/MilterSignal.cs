namespace Signet.Milter.Protocol;

/// <summary>A command without data: end of headers, abort, DATA, quit and quit-new-connection.</summary>
public sealed record MilterSignal(MilterCommandCode Code) : MilterCommand(Code)
{
    /// <summary>Whether <paramref name="code"/> is one of the commands that carry no data.</summary>
    public static bool Carries(MilterCommandCode code) => code is MilterCommandCode.EndOfHeaders or MilterCommandCode.Abort
        or MilterCommandCode.Data or MilterCommandCode.Quit or MilterCommandCode.QuitNewConnection;
}
