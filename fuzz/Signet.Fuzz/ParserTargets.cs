using System.Text;
using Signet.Dkim;
using Signet.Dkim.Alignment;
using Signet.Dkim.Keys;
using Signet.Dkim.Messages;
using Signet.Dkim.Signatures;
using Signet.Dns;

namespace Signet.Fuzz;

/// <summary>Harnesses for the parsers. Each checks what a successful parse promises, beyond not throwing.</summary>
public static class ParserTargets
{
    public static void TagList(ReadOnlySpan<byte> input)
    {
        if (!DkimTagList.TryParse(input, out var tags, out string error))
        {
            Invariant.NotEmpty(error, "a failed tag list parse says why");
            return;
        }

        for (int i = 0; i < tags.Count; i++)
        {
            // Names are unique, so looking a name up finds its own value.
            Invariant.True(tags.TryGet(tags.NameAt(i), out var value) && value.SequenceEqual(tags.ValueAt(i)), "TryGet finds each parsed tag");
        }
    }

    public static void Signature(ReadOnlySpan<byte> input)
    {
        var field = new DkimHeaderField([.. "DKIM-Signature:"u8, .. input]);
        if (DkimSignatureParser.TryParse(field, out var signature, out _, out var failure))
        {
            Invariant.NotEmpty(signature.SigningDomain, "a parsed signature has d=");
            Invariant.NotEmpty(signature.KeyRecordName, "a parsed signature has a key record name");
            _ = signature.IdentifierDomain;
        }
        else
        {
            Invariant.NotEmpty(failure.Message, "a failed signature parse says why");
        }
    }

    public static void KeyRecord(ReadOnlySpan<byte> input)
    {
        if (!DkimKeyRecord.TryParse(input, out var record, out var failure))
        {
            Invariant.NotEmpty(failure.Message, "a failed key record parse says why");
            return;
        }

        _ = record.AllowsEmail && record.AllowsHashAlgorithm("sha256");
        if (record.TryGetPublicKey(out var key, out failure))
        {
            Invariant.True(key.KeySizeBits > 0, "a usable key has a size");
        }
        else
        {
            Invariant.NotEmpty(failure.Message, "an unusable key says why");
        }
    }

    public static void MessageHeader(ReadOnlySpan<byte> input)
    {
        int bodyStart = DkimHeaderSection.FindBodyStart(input);
        Invariant.True(bodyStart >= -1 && bodyStart <= input.Length, "the body starts inside the message");
        var section = bodyStart < 0 ? input : DkimHeaderSection.WithoutSeparator(input[..bodyStart]);
        if (!DkimMessageHeader.TryParse(section, out var header, out string error))
        {
            Invariant.NotEmpty(error, "a failed header parse says why");
            return;
        }

        int total = 0;
        foreach (var field in header.Fields)
        {
            total += field.Raw.Length;
            _ = field.Value.Length + field.Name.Length;
        }

        // The fields together are the section, byte for byte.
        Invariant.True(total == section.Length, "the fields cover the header section exactly");
    }

    public static void From(ReadOnlySpan<byte> input)
    {
        var values = new List<ReadOnlyMemory<byte>>();
        foreach (var range in input.Split((byte)0xFF))
        {
            values.Add(input[range].ToArray());
        }

        var result = FromHeaderParser.Parse(values);
        Invariant.NotEmpty(result.Message, "the From result explains itself");
        Invariant.True(result.Status != FromDomainStatus.One || result.Domains.Count == 1, "one Author Domain is one domain");
    }

    public static void PrivateKey(ReadOnlySpan<byte> input)
    {
        if (DkimPrivateKeyReader.TryRead(input, out var key, out string error))
        {
            key.Dispose();
        }
        else
        {
            Invariant.NotEmpty(error, "an unreadable key file says why");
        }
    }

    public static void ZoneFile(ReadOnlySpan<byte> input)
    {
        if (!ZoneFileTxtSource.TryParse(Encoding.UTF8.GetString(input), out var source, out string error))
        {
            Invariant.NotEmpty(error, "a failed zone parse says why");
            return;
        }

        foreach (string name in source.Names)
        {
            var lookup = source.LookupTxtAsync(name, CancellationToken.None).AsTask();
            Invariant.True(lookup.IsCompletedSuccessfully && lookup.Result.Records.Count > 0, "every listed name has its records");
            foreach (var record in lookup.Result.Records)
            {
                _ = record.Join();
            }
        }
    }
}
