using Signet.Milter.Protocol;
using C = Signet.Milter.Protocol.MilterCommandCode;
using S = Signet.Milter.Protocol.MilterState;

namespace Signet.Milter.Tests.Protocol;

public sealed class MilterStateTableTests
{
    [Theory]
    [InlineData(S.Negotiation, C.OptionNegotiation, S.Connection)]
    [InlineData(S.Connection, C.Connect, S.Connected)]
    [InlineData(S.Connection, C.Mail, S.Envelope)]
    [InlineData(S.Connected, C.Helo, S.Connected)]
    [InlineData(S.Connected, C.Mail, S.Envelope)]
    [InlineData(S.Envelope, C.Recipient, S.Envelope)]
    [InlineData(S.Envelope, C.Data, S.Envelope)]
    [InlineData(S.Envelope, C.Header, S.Headers)]
    [InlineData(S.Headers, C.Header, S.Headers)]
    [InlineData(S.Headers, C.EndOfHeaders, S.Body)]
    [InlineData(S.Headers, C.Body, S.Body)]
    [InlineData(S.Headers, C.EndOfMessage, S.Connected)]
    [InlineData(S.Body, C.Body, S.Body)]
    [InlineData(S.Body, C.EndOfMessage, S.Connected)]
    [InlineData(S.Body, C.Abort, S.Connected)]
    [InlineData(S.Headers, C.Macro, S.Headers)]
    [InlineData(S.Connected, C.Abort, S.Connected)]
    [InlineData(S.Connection, C.Abort, S.Connection)]
    [InlineData(S.Body, C.Quit, S.Closed)]
    [InlineData(S.Connected, C.QuitNewConnection, S.Connection)]
    public void Move_AllowedCommand_GoesToItsState(S state, C command, S expected)
    {
        Assert.True(MilterStateTable.TryMove(state, command, out var next));
        Assert.Equal(expected, next);
    }

    [Theory]
    [InlineData(S.Negotiation, C.Connect)]
    [InlineData(S.Negotiation, C.Macro)]
    [InlineData(S.Connection, C.OptionNegotiation)]
    [InlineData(S.Connection, C.Header)]
    [InlineData(S.Connected, C.Body)]
    [InlineData(S.Connected, C.EndOfMessage)]
    [InlineData(S.Envelope, C.Mail)]
    [InlineData(S.Body, C.Header)]
    [InlineData(S.Body, C.Connect)]
    [InlineData(S.Closed, C.Quit)]
    public void Move_CommandOutOfOrder_IsRefused(S state, C command)
    {
        Assert.False(MilterStateTable.TryMove(state, command, out _));
    }

    [Fact]
    public void Table_EveryStateButClosedAcceptsQuit()
    {
        foreach (var state in Enum.GetValues<S>().Where(s => s is not (S.Closed or S.Negotiation)))
        {
            Assert.True(MilterStateTable.TryMove(state, C.Quit, out var next), state.ToString());
            Assert.Equal(S.Closed, next);
        }
    }
}
