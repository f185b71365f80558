"""Verifies messages one at a time, as they arrive, with dkimpy, asking only the loopback DNS server given.

Usage: python3 dkimpy_verify_each.py DNS_ADDRESS DNS_PORT
Reads one message file path per line on standard input and answers each at once, before reading the next:
"pass PATH" or "fail PATH REASON". One process for many messages, so each verdict takes milliseconds and is
given while the key records are as they were when the message arrived.
"""

import sys

from dkimpy_loopback import txt_lookup, verdict


def main():
    lookup = txt_lookup(sys.argv[1], int(sys.argv[2]))
    print("ready", flush=True)
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        with open(path, "rb") as source:
            message = source.read()
        ok, reason = verdict(message, lookup)
        print(("pass %s" % path) if ok else ("fail %s %s" % (path, reason)), flush=True)


if __name__ == "__main__":
    main()
