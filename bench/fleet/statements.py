"""Counts what each client asked PostgreSQL, from its log, for bench/fleet.sh.

The server runs with log_min_duration_statement=0 and log_line_prefix='<%a> [%p] ', so every step of every statement
(parse, bind, execute, or a simple statement) is one line with its duration, the client's application name and the
backend's process id. Lines are grouped into transactions per backend (BEGIN ... COMMIT/ROLLBACK) and each transaction
is named by what it reads: a revision poll, a snapshot reload, a rotation round's part, or other.

Usage: python3 statements.py LOG FROM_BYTE TO_BYTE
Prints one line per client and kind: client kind transactions statements writes server_ms; then per client the
backends it used and the rotation rounds it ran.
"""

import re
import sys
from collections import defaultdict

LINE = re.compile(r"^<(?P<app>[^>]*)> \[(?P<pid>\d+)\] LOG:  duration: (?P<ms>[0-9.]+) ms  (?P<step>statement|parse|bind|execute)(?: [^:]*)?: (?P<sql>.*)$")
CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "DISCARD ALL")
WRITES = ("INSERT", "UPDATE", "DELETE")


def kind_of(queries):
    text = " | ".join(queries)
    if not queries:
        return "pool reset"
    if re.search(r"SELECT [^|]* FROM domains( \||$)", text):
        return "snapshot reload"
    if all(q.startswith("SELECT value FROM revision WHERE id = 1") for q in queries):
        return "revision poll"
    if "rotation" in text or "state = 'Pending'" in text or "dns_check" in text:
        return "rotation round"
    return "other"


def main():
    path, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, "rb") as log:
        log.seek(start)
        text = log.read(end - start).decode("utf-8", "replace")
    open_transactions = {}
    totals = defaultdict(lambda: [0, 0, 0, 0.0])  # transactions, statements, writes, ms
    backends = defaultdict(set)
    rounds = defaultdict(int)

    def close(key):
        app, queries, statements, writes, ms = open_transactions.pop(key)
        # The driver's read of the rotating domains comes once per round (RotationService, AutomaticRotationDriver).
        rounds[app] += sum(1 for q in queries if "FROM domain_rotation WHERE interval_ticks" in q)
        row = totals[(app, kind_of(queries))]
        row[0] += 1
        row[1] += statements
        row[2] += writes
        row[3] += ms

    for line in text.splitlines():
        match = LINE.match(line)
        if not match:
            continue
        app, pid, sql = match["app"] or "(none)", match["pid"], match["sql"].strip()
        key = (app, pid)
        backends[app].add(pid)
        current = open_transactions.setdefault(key, [app, [], 0, 0, 0.0])
        current[4] += float(match["ms"])
        if match["step"] not in ("statement", "execute"):
            continue
        current[2] += 1
        if sql.startswith(CONTROL):
            if sql.startswith(("COMMIT", "ROLLBACK", "DISCARD ALL")):
                close(key)
            continue
        current[1].append(sql)
        current[3] += 1 if sql.startswith(WRITES) else 0
    for key in list(open_transactions):
        close(key)
    for (app, kind), (transactions, statements, writes, ms) in sorted(totals.items()):
        print(f"{app}\t{kind}\t{transactions}\t{statements}\t{writes}\t{ms:.3f}")
    for app, pids in sorted(backends.items()):
        print(f"{app}\tconnections (backends)\t{len(pids)}\t\t\t")
        if rounds[app]:
            print(f"{app}\trotation rounds\t{rounds[app]}\t\t\t")


if __name__ == "__main__":
    main()
