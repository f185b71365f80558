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

    // A step's values, once defined, are kept as an empty table when forgotten and refilled by the next message: the
    // MTA sends the same few macros for every message of a connection.
    private readonly Dictionary<MilterCommandCode, Dictionary<string, string>> _byStep = [];

    /// <summary>The value of <paramref name="name"/>, given with or without braces ("{auth_authen}" or "auth_authen").</summary>
    public string? this[string name] => TryGet(name, out string value) ? value : null;

    public bool TryGet(string name, out string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = StepOrder.Length - 1; i >= 0; i--)
        {
            if (_byStep.TryGetValue(StepOrder[i], out var values) && values.TryGetValue(name, out value!))
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
        if (_byStep.TryGetValue(macros.ForCommand, out var values))
        {
            values.Clear();
        }
        else
        {
            values = new Dictionary<string, string>(MacroNameComparer.Instance);
            _byStep[macros.ForCommand] = values;
        }

        foreach (var (name, value) in macros.Values)
        {
            values[name] = value;
        }
    }

    /// <summary>Forgets the values of the message that ended.</summary>
    public void ForgetMessage()
    {
        foreach (var (step, values) in _byStep)
        {
            if (step is not (MilterCommandCode.Connect or MilterCommandCode.Helo))
            {
                values.Clear();
            }
        }
    }

    public void ForgetAll() => _byStep.Clear();

    /// <summary>Macro names compare with or without their braces ("{auth_authen}" is "auth_authen"), without making a
    /// trimmed copy of either.</summary>
    private sealed class MacroNameComparer : IEqualityComparer<string>
    {
        public static readonly MacroNameComparer Instance = new();

        public bool Equals(string? x, string? y) =>
            x is not null && y is not null && Inner(x).SequenceEqual(Inner(y));

        public int GetHashCode(string obj) => string.GetHashCode(Inner(obj), StringComparison.Ordinal);

        private static ReadOnlySpan<char> Inner(string name) =>
            name.Length > 2 && name[0] == '{' && name[^1] == '}' ? name.AsSpan(1, name.Length - 2) : name;
    }
}
