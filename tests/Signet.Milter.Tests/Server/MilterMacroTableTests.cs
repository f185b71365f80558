using Signet.Milter.Protocol;
using Signet.Milter.Server;
using Signet.Milter.Tests.Support;

namespace Signet.Milter.Tests.Server;

public sealed class MilterMacroTableTests
{
    [Fact]
    public void Lookup_WithOrWithoutBraces_FindsTheValue()
    {
        var table = new MilterMacroTable();
        table.Define(TestMta.Macros(MilterCommandCode.Mail, ("{auth_authen}", "joe"), ("i", "Q1")));

        Assert.Equal("joe", table["auth_authen"]);
        Assert.Equal("joe", table["{auth_authen}"]);
        Assert.Equal("Q1", table["i"]);
    }

    [Fact]
    public void ForgetMessage_KeepsConnectionMacros()
    {
        var table = new MilterMacroTable();
        table.Define(TestMta.Macros(MilterCommandCode.Connect, ("{daemon_name}", "smtpd")));
        table.Define(TestMta.Macros(MilterCommandCode.Mail, ("{auth_authen}", "joe")));

        table.ForgetMessage();

        Assert.Equal("smtpd", table["daemon_name"]);
        Assert.Null(table["auth_authen"]);
    }

    [Fact]
    public void LaterStep_Wins()
    {
        var table = new MilterMacroTable();
        table.Define(TestMta.Macros(MilterCommandCode.Mail, ("i", "early")));
        table.Define(TestMta.Macros(MilterCommandCode.EndOfMessage, ("i", "late")));

        Assert.Equal("late", table["i"]);
    }

    [Fact]
    public void NextMessage_SeesOnlyItsOwnMacros()
    {
        var table = new MilterMacroTable();
        table.Define(TestMta.Macros(MilterCommandCode.Mail, ("{auth_authen}", "joe"), ("i", "Q1")));
        table.ForgetMessage();

        table.Define(TestMta.Macros(MilterCommandCode.Mail, ("i", "Q2")));

        Assert.Equal("Q2", table["i"]);
        Assert.Null(table["auth_authen"]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("")]
    public void OddNames_AreKeptAsGiven(string name)
    {
        var table = new MilterMacroTable();
        table.Define(TestMta.Macros(MilterCommandCode.Mail, (name, "v")));

        Assert.Equal("v", table[name]);
        Assert.Null(table["x"]);
    }
}
