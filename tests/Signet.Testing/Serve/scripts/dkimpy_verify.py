"""Verifies every message in a directory with dkimpy, asking only the loopback DNS server given.

Usage: python3 dkimpy_verify.py DNS_ADDRESS DNS_PORT DIRECTORY
Prints one line per message: "pass NAME" or "fail NAME REASON"; exits 0 when every message passes.
"""

import os
import sys

from dkimpy_loopback import txt_lookup, verdict


def main():
    address, port, directory = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    lookup = txt_lookup(address, port)
    failures = 0
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), "rb") as source:
            message = source.read()
        ok, reason = verdict(message, lookup)
        if ok:
            print("pass " + name)
        else:
            failures += 1
            print("fail %s %s" % (name, reason))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
