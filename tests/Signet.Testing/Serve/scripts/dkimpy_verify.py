"""Verifies every message in a directory with dkimpy, asking only the loopback DNS server given.

Usage: python3 dkimpy_verify.py DNS_ADDRESS DNS_PORT DIRECTORY
Prints one line per message: "pass NAME" or "fail NAME REASON"; exits 0 when every message passes.
"""

import os
import sys

import dkim
import dns.exception
import dns.rdatatype
import dns.resolver


def txt_lookup(address, port):
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [address]
    resolver.port = port

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
    address, port, directory = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    lookup = txt_lookup(address, port)
    failures = 0
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), "rb") as source:
            message = source.read()
        try:
            ok = dkim.verify(message, dnsfunc=lookup)
            reason = "" if ok else "signature did not verify"
        except dkim.DKIMException as error:
            ok, reason = False, "%s: %s" % (type(error).__name__, error)
        if ok:
            print("pass " + name)
        else:
            failures += 1
            print("fail %s %s" % (name, reason))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
