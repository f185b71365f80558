"""What the dkimpy scripts of the serve tests share: key records from one loopback DNS server only, never cached
(a test changes the zone while it runs), and one verdict per message."""

import dkim
import dns.exception
import dns.rdatatype
import dns.resolver


def txt_lookup(address, port):
    """A dnsfunc for dkim.verify that asks only ADDRESS:PORT, with no cache between questions."""
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [address]
    resolver.port = port
    resolver.cache = None

    def lookup(name, timeout=5):
        if isinstance(name, bytes):
            name = name.decode("ascii")
        try:
            answer = resolver.resolve(name, dns.rdatatype.TXT, lifetime=timeout, search=False)
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return None
        except dns.exception.Timeout as error:
            raise dkim.DnsTimeoutError(str(error))
        return b"".join(answer[0].strings)

    return lookup


def verdict(message, lookup):
    """(True, "") when every signature dkimpy checks passes, else (False, why)."""
    try:
        ok = dkim.verify(message, dnsfunc=lookup)
        return ok, "" if ok else "signature did not verify"
    except dkim.DKIMException as error:
        return False, "%s: %s" % (type(error).__name__, error)
