#!/usr/bin/env bash
# Writes signet(1) in roff to standard output from the help text of the executable given: `signet --help` for the
# synopsis and the command list, `signet COMMAND --help` for each command's section. The help text is the one
# definition; this only typesets it.
# Usage: bash packaging/signet-man.sh path/to/signet VERSION > signet.1
set -euo pipefail
signet=$1
version=$2
date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%d)

# Roff needs a backslash doubled, and a line starting with . or ' escaped.
roff() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"; }

usage=$("$signet" --help)
commands=$(printf '%s\n' "$usage" | awk '/^Commands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}')

cat <<ROFF
.TH SIGNET 1 "$date" "signet $version" "Signet"
.SH NAME
signet \- DKIM signing and verification for mail servers (milter, SMTP relay, console, command line)
.SH SYNOPSIS
.B signet
.I COMMAND
.RI [ OPTIONS ]
.SH DESCRIPTION
ROFF
printf '.nf\n'
printf '%s\n' "$usage" | roff
printf '.fi\n'
echo '.SH COMMANDS'
for command in $commands; do
  printf '.SS %s\n.nf\n' "$command"
  "$signet" "$command" --help | roff
  printf '.fi\n'
done
cat <<'ROFF'
.SH FILES
.TP
.I /etc/signet/signet.conf
The settings of \fBsignet serve\fR (read with \fB\-\-config\fR); check edits with \fBsignet config check\fR.
.TP
.I /var/lib/signet
The store (SQLite) and the master key that encrypts the private keys: back up both, separately.
.TP
.I /run/signet/milter.sock
The milter socket (0660, group signet).
.SH SEE ALSO
.BR postfix (1),
.BR opendkim (8)
ROFF
