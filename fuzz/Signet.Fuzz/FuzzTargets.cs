namespace Signet.Fuzz;

/// <summary>Every target, one per parser or stage that reads input from outside.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("tag-list", "DkimTagList.TryParse on a tag list", ParserTargets.TagList),
        new("signature", "DkimSignatureParser.TryParse on a DKIM-Signature value", ParserTargets.Signature),
        new("key-record", "DkimKeyRecord.TryParse, then TryGetPublicKey", ParserTargets.KeyRecord),
        new("message-header", "DkimHeaderSection.FindBodyStart, then DkimMessageHeader.TryParse", ParserTargets.MessageHeader),
        new("from", "FromHeaderParser.Parse on From values (0xFF separates several)", ParserTargets.From),
        new("private-key", "DkimPrivateKeyReader.TryRead on a key file (PEM or seed)", ParserTargets.PrivateKey),
        new("zone-file", "ZoneFileTxtSource.TryParse on zone-file text, then a lookup of every name", ParserTargets.ZoneFile),
        new("body-hash", "DkimBodyHasher: whole body against the same body in chunks (first bytes pick c=, chunk, l=)", CanonicalizationTargets.BodyHash),
        new("header-canon", "DkimHeaderCanonicalizer on every field of a parsed header, simple and relaxed", CanonicalizationTargets.HeaderCanonicalization),
        new("verifier", "DkimVerifier on a whole message, keys from the RFC vectors in memory", VerifierTarget.Run),
        new("milter", "MilterFraming.TryRead and MilterCommandReader.TryDecode on a packet stream", MilterTarget.Run),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
