using Signet.Milter.Protocol;

namespace Signet.Milter.Server;

/// <summary>Macro values by the protocol step that defined them. A lookup sees the latest step first; a new message
/// forgets the values of the previous one, keeping the connection's (connect and HELO).</summary>
public sealed class MilterMacroTable
{
    private static readonly MilterCommandCode[] StepOrder =
    [
        MilterCommandCode.Connect, MilterCommandCode.Helo, MilterCommandCode.Mail, MilterCommandCode.Recipient,
        MilterCommandCode.Data, MilterCommandCode.Header, MilterCommandCode.EndOfHeaders, MilterCommandCode.Body,
        MilterCommandCode.EndOfMessage, MilterCommandCode.Unknown,
    ];

    private readonly Dictionary<MilterCommandCode, Dictionary<string, string>> _byStep = [];

    /// <summary>The value of <paramref name="name"/>, given with or without braces ("{auth_authen}" or "auth_authen").</summary>
    public string? this[string name] => TryGet(name, out string value) ? value : null;

    public bool TryGet(string name, out string value)
    {
        string key = Normalize(name);
        for (int i = StepOrder.Length - 1; i >= 0; i--)
        {
            if (_byStep.TryGetValue(StepOrder[i], out var values) && values.TryGetValue(key, out value!))
            {
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Replaces the values for one step, as each SMFIC_MACRO does.</summary>
    public void Define(MilterMacros macros)
    {
        ArgumentNullException.ThrowIfNull(macros);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in macros.Values)
        {
            values[Normalize(name)] = value;
        }

        _byStep[macros.ForCommand] = values;
    }

    /// <summary>Forgets the values of the message that ended.</summary>
    public void ForgetMessage()
    {
        foreach (var step in _byStep.Keys.Where(s => s is not (MilterCommandCode.Connect or MilterCommandCode.Helo)).ToList())
        {
            _byStep.Remove(step);
        }
    }

    public void ForgetAll() => _byStep.Clear();

    private static string Normalize(string name) =>
        name.Length > 2 && name[0] == '{' && name[^1] == '}' ? name[1..^1] : name;
}
