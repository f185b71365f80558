"""Signs or verifies a batch of messages with dkimpy, so one interpreter start serves a whole batch.

Usage: python3 dkimpy_batch.py sign|verify MANIFEST RESULTS

MANIFEST is JSON: {"dns": {"address": "127.0.0.1", "port": 5353}, "jobs": [...]}.
A sign job is {"message", "out", "key", "algorithm", "selector", "domain", "canonicalization"}; the signed
message (the signature on top of the input, in the input's line ending) is written to "out".
A verify job is {"message"}. RESULTS is written as JSON: one {"pass": bool, "detail": str} per job, same order.
Keys are looked up only at the DNS server the manifest names.
"""

import json
import logging
import sys

import dkim
import dkim.util
import dns.exception
import dns.rdatatype
import dns.resolver


class Collector(logging.Handler):
    """Keeps dkimpy's log lines: they carry the reason a verification failed."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


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
        # As dkimpy's own lookup does: the strings of the first TXT record, joined.
        return b"".join(answer[0].strings)

    return lookup


def sign(job):
    with open(job["message"], "rb") as source:
        message = source.read()
    with open(job["key"], "rb") as source:
        key = source.read()
    header, body = job["canonicalization"].split("/")
    signer = dkim.DKIM(message, signature_algorithm=job["algorithm"].encode(),
                       linesep=dkim.util.get_linesep(message))
    signature = signer.sign(job["selector"].encode(), job["domain"].encode(), key,
                            canonicalize=(header.encode(), body.encode()))
    with open(job["out"], "wb") as target:
        target.write(signature + message)
    return {"pass": True, "detail": ""}


def describe(signature, index):
    """s= and a= of a signature, for the detail line."""
    try:
        tags = dkim.util.parse_tag_value(signature)
        return "s=%s a=%s" % (tags.get(b"s", b"?").decode("ascii", "replace"), tags.get(b"a", b"?").decode("ascii", "replace"))
    except dkim.util.InvalidTagValueList:
        return "signature %d" % (index + 1)


def verify(job, lookup):
    with open(job["message"], "rb") as source:
        message = source.read()
    collector = Collector()
    logger = logging.getLogger("dkimpy-batch")
    logger.handlers = [collector]
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    verifier = dkim.DKIM(message, logger=logger)
    signatures = [value for name, value in verifier.headers if name.lower() == b"dkim-signature"]
    count = len(signatures)
    if count == 0:
        return {"pass": False, "detail": "no DKIM-Signature"}
    outcomes = []
    passed = False
    for index in range(count):
        collector.lines.clear()
        try:
            ok = verifier.verify(idx=index, dnsfunc=lookup)
            reason = "" if ok else "; ".join(line for line in collector.lines if not line.startswith("sig:"))[-300:]
        except dkim.DKIMException as error:
            ok = False
            reason = "%s: %s" % (type(error).__name__, error)
        outcomes.append("%s %s%s" % (describe(signatures[index], index), "pass" if ok else "fail", "" if ok else " (" + reason + ")"))
        passed = passed or ok
    return {"pass": passed, "detail": "; ".join(outcomes)}


def main():
    operation, manifest_path, results_path = sys.argv[1:4]
    with open(manifest_path, "r", encoding="utf-8") as source:
        manifest = json.load(source)
    lookup = txt_lookup(manifest["dns"]["address"], int(manifest["dns"]["port"]))
    results = []
    for job in manifest["jobs"]:
        try:
            results.append(sign(job) if operation == "sign" else verify(job, lookup))
        except Exception as error:  # one bad job must not hide the others' results
            results.append({"pass": False, "detail": "%s: %s" % (type(error).__name__, error)})
    with open(results_path, "w", encoding="utf-8") as target:
        json.dump(results, target)


if __name__ == "__main__":
    main()
