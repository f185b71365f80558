using Signet.Admin.Console.Rendering;
using Signet.Dkim.DnsText;
using Signet.Store;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Keys;

/// <summary>What to publish for a key: the record name, the DKIM DNS string with the switch to its escaped form just
/// below it, and the other formats (quoted strings, a zone-file line), each with a copy button.</summary>
public static class RecordBox
{
    public static Markup Render(KeyEntry key, string idPrefix)
    {
        string value = KeyRecords.ValueFor(key);
        string escaped = DkimDnsTextFormatter.Format(key.RecordName, value, DkimDnsTextFormat.Escaped);
        string quoted = DkimDnsTextFormatter.Format(key.RecordName, value, DkimDnsTextFormat.Quoted);
        string zone = DkimDnsTextFormatter.Format(key.RecordName, value, DkimDnsTextFormat.Zone);
        string valueId = $"{idPrefix}-value";
        int rows = Math.Clamp(value.Length / 96 + 1, 2, 8);
        var data = Of($""" data-plain="{value}" data-escaped="{escaped}" """);
        return Of($"""
            <div class="record">
            {CopyBox($"{idPrefix}-name", "DNS record name (TXT)", key.RecordName)}
            {CopyBox(valueId, "DKIM DNS string", value, rows, data)}
            <div class="check-row">
              <input type="checkbox" id="{idPrefix}-escape" data-escape-for="{valueId}">
              <label for="{idPrefix}-escape">Escape the DNS string</label>
              <span class="hint">For DNS panels that want it escaped: quoted strings of at most 255 bytes, with every <code>;</code> written <code>\;</code>. Both forms are the same record.</span>
            </div>
            <details class="formats">
              <summary>Other formats</summary>
              {CopyBox($"{idPrefix}-quoted", "Quoted strings (zone files and most DNS APIs)", quoted, rows)}
              {CopyBox($"{idPrefix}-escaped", "Escaped quoted strings", escaped, rows)}
              {CopyBox($"{idPrefix}-zone", "Zone-file line", zone, rows)}
            </details>
            </div>
            """);
    }
}
