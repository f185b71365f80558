"""Signs or verifies one exported benchmark message with dkimpy in a loop; prints messages per second (the median
of several timed runs). Same interface as bench/opendkim/dkimbench: DIR ALGORITHM SIZE sign|verify RUNS SECONDS.

dkimpy takes the private key as PEM text per message (it parses it every time) and the key record through its
dnsfunc hook (no DNS; it parses the record every time). Exit status 3: the algorithm is not available here
(Ed25519 needs python3-nacl).
"""

import statistics
import sys
import time

import dkim


def main():
    folder, algorithm, size, operation, runs, seconds = sys.argv[1:7]
    runs, seconds = int(runs), float(seconds)
    if algorithm == "ed25519-sha256":
        try:
            import nacl.signing  # noqa: F401
        except ImportError:
            print("dkimpy needs python3-nacl for ed25519-sha256", file=sys.stderr)
            sys.exit(3)

    def read(name):
        with open(f"{folder}/{name}", "rb") as source:
            return source.read()

    if operation == "sign":
        key = read(f"{algorithm}.seed").strip() if algorithm == "ed25519-sha256" else read(f"{algorithm}.pkcs1.pem")
        message = read(f"{size}.eml")
        headers = [b"from", b"to", b"subject", b"date", b"message-id"]

        def once():
            dkim.sign(message, b"s1", b"example.com", key, canonicalize=(b"relaxed", b"relaxed"),
                      signature_algorithm=algorithm.encode(), include_headers=headers)
    else:
        record = read(f"{algorithm}.txt").strip()
        message = read(f"{size}.{algorithm}.eml")

        def once():
            if not dkim.verify(message, dnsfunc=lambda name, timeout=5: record):
                raise SystemExit("dkimpy did not verify the message")

    def timed(duration):
        count, start = 0, time.perf_counter()
        while True:
            for _ in range(4):
                once()
            count += 4
            elapsed = time.perf_counter() - start
            if elapsed >= duration:
                return count / elapsed

    once()
    timed(seconds / 4)
    print(f"{statistics.median(timed(seconds) for _ in range(runs)):.1f}")


main()
