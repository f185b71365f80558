"""Verifies messages one at a time, as they arrive, with dkimpy, asking only the loopback DNS server given.

Usage: python3 dkimpy_verify_each.py DNS_ADDRESS DNS_PORT
Reads one message file path per line on standard input and answers each at once, before reading the next:
"pass PATH" or "fail PATH REASON". One process for many messages, so each verdict takes milliseconds and is
given while the key records are as they were when the message arrived.
"""

import sys

import dkim
import dns.exception
import dns.rdatatype
import dns.resolver


def txt_lookup(address, port):
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


def main():
    lookup = txt_lookup(sys.argv[1], int(sys.argv[2]))
    print("ready", flush=True)
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        with open(path, "rb") as source:
            message = source.read()
        try:
            ok = dkim.verify(message, dnsfunc=lookup)
            reason = "" if ok else "signature did not verify"
        except dkim.DKIMException as error:
            ok, reason = False, "%s: %s" % (type(error).__name__, error)
        print(("pass %s" % path) if ok else ("fail %s %s" % (path, reason)), flush=True)


if __name__ == "__main__":
    main()
