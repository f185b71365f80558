namespace Signet.Serve;

/// <summary>A shared mail setting given in its old place (<see cref="MailSettingAliases"/>): still read, but its
/// administrator should learn the new spelling before the old one goes. <paramref name="Source"/> is where it was
/// found (the file's path, or <c>environment</c>); <paramref name="Given"/> and <paramref name="Current"/> are
/// spelled as that source spells keys (<c>[Milter] AuthservId</c> and <c>[Mail] AuthservId</c> in the file,
/// <c>SIGNET_MILTER__AUTHSERVID</c> and <c>SIGNET_MAIL__AUTHSERVID</c> in the environment).</summary>
public sealed record OldMailSetting(string Source, string Given, string Current)
{
    public override string ToString() => $"{Source}: {Given} is an old spelling, still read: write {Current} instead";
}
