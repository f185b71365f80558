# Shared by bench/mailflow.sh and bench/memory.sh: a private Postfix on loopback in its own directory (config,
# queue, log), relaying everything to a loopback next hop, optionally through a milter. Needs root (Postfix's
# master runs as root). Source this file; call postfix_start DIR SMTP_PORT NEXT_HOP_PORT [MILTER], postfix_stop DIR.

postfix_start() {
  local dir="$1" port="$2" next_hop="$3" milter="${4:-}"
  mkdir -p "$dir/etc" "$dir/spool" "$dir/data"
  chmod 755 "$dir"
  chown postfix "$dir/data"
  cat > "$dir/etc/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $dir/spool
data_directory = $dir/data
maillog_file = $dir/maillog
maillog_file_prefixes = $dir
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.signet.test
mydomain = signet.test
myorigin = \$myhostname
mydestination =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
relayhost = [127.0.0.1]:$next_hop
smtp_dns_support_level = disabled
smtp_tls_security_level = none
smtpd_tls_security_level = none
alias_maps =
alias_database =
local_recipient_maps =
biff = no
# Room for the 1 GB message of bench/memory.sh.
message_size_limit = 1200000000
mailbox_size_limit = 0
milter_protocol = 6
milter_default_action = tempfail
# A 1 GB body takes a while to stream through a milter.
milter_content_timeout = 600s
queue_run_delay = 5s
minimal_backoff_time = 5s
maximal_backoff_time = 10s
CONF
  if [[ -n "$milter" ]]; then
    printf 'smtpd_milters = %s\nnon_smtpd_milters = $smtpd_milters\n' "$milter" >> "$dir/etc/main.cf"
  fi
  cat > "$dir/etc/master.cf" <<CONF
127.0.0.1:$port inet n - n - - smtpd
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
smtp      unix  - - n - - smtp
relay     unix  - - n - - smtp
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
local     unix  - n n - - local
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
CONF
  postfix -c "$dir/etc" check
  postfix -c "$dir/etc" start 2>/dev/null
  wait_for_port "$port"
}

postfix_stop() {
  postfix -c "$1/etc" stop 2>/dev/null || true
  for _ in $(seq 50); do
    [[ -f "$1/spool/pid/master.pid" ]] && kill -0 "$(tr -d ' ' < "$1/spool/pid/master.pid")" 2>/dev/null || return 0
    sleep 0.1
  done
}

# How many messages Postfix handed to its next hop so far.
postfix_sent() {
  grep -c 'status=sent' "$1/maillog" 2>/dev/null || true
}

wait_for_port() {
  for _ in $(seq 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$1" >&2
  return 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# utime + stime of a process in seconds, and its peak resident set (VmHWM) in kB.
cpu_seconds() {
  # Fields 14 and 15 of /proc/PID/stat, counted after the command name (which may hold spaces).
  sed 's/.*) //' "/proc/$1/stat" | awk -v ticks="$(getconf CLK_TCK)" '{ print ($12 + $13) / ticks }'
}

peak_rss_kb() {
  awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"
}

context_switches() {
  # Voluntary and involuntary switches of every thread still alive (a thread that ended takes its count with it).
  cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches:/ { n += $2 } END { print n + 0 }'
}
