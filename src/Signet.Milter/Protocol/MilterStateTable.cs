using C = Signet.Milter.Protocol.MilterCommandCode;
using S = Signet.Milter.Protocol.MilterState;

namespace Signet.Milter.Protocol;

/// <summary>Which command may arrive in which state, and the state it leads to. A command that is not in the table
/// is a protocol error. Steps the MTA may skip (HELO, RCPT, DATA, end of headers when negotiated away, or CONNECT for
/// filters that asked not to see it) are not required: the table allows the next step directly.</summary>
public static class MilterStateTable
{
    private static readonly Dictionary<(S State, C Command), S> Transitions = Build();

    /// <summary>The state after <paramref name="command"/> in <paramref name="state"/>, or false when the command is
    /// not allowed there.</summary>
    public static bool TryMove(S state, C command, out S next) => Transitions.TryGetValue((state, command), out next);

    /// <summary>Every allowed (state, command) pair with its next state, for documentation and tests.</summary>
    public static IReadOnlyDictionary<(S State, C Command), S> All => Transitions;

    private static Dictionary<(S, C), S> Build()
    {
        var table = new Dictionary<(S, C), S>
        {
            [(S.Negotiation, C.OptionNegotiation)] = S.Connection,

            [(S.Connection, C.Connect)] = S.Connected,
            [(S.Connection, C.Helo)] = S.Connected,
            [(S.Connection, C.Mail)] = S.Envelope,
            [(S.Connection, C.Unknown)] = S.Connected,

            [(S.Connected, C.Helo)] = S.Connected,
            [(S.Connected, C.Mail)] = S.Envelope,
            [(S.Connected, C.Unknown)] = S.Connected,

            [(S.Envelope, C.Recipient)] = S.Envelope,
            [(S.Envelope, C.Data)] = S.Envelope,
            [(S.Envelope, C.Unknown)] = S.Envelope,
            [(S.Envelope, C.Header)] = S.Headers,
            [(S.Envelope, C.EndOfHeaders)] = S.Body,
            [(S.Envelope, C.Body)] = S.Body,
            [(S.Envelope, C.EndOfMessage)] = S.Connected,

            [(S.Headers, C.Header)] = S.Headers,
            [(S.Headers, C.EndOfHeaders)] = S.Body,
            [(S.Headers, C.Body)] = S.Body,
            [(S.Headers, C.EndOfMessage)] = S.Connected,

            [(S.Body, C.Body)] = S.Body,
            [(S.Body, C.EndOfMessage)] = S.Connected,
        };

        foreach (var state in new[] { S.Connection, S.Connected, S.Envelope, S.Headers, S.Body })
        {
            // Macros come before the command they belong to and change nothing.
            table[(state, C.Macro)] = state;

            // Abort ends the message, not the SMTP connection.
            table[(state, C.Abort)] = state == S.Connection ? S.Connection : S.Connected;
            table[(state, C.Quit)] = S.Closed;

            // Quit-new-connection: the MTA reuses this socket for its next SMTP client; options stay agreed.
            table[(state, C.QuitNewConnection)] = S.Connection;
        }

        return table;
    }
}
