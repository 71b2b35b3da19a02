#!/usr/bin/env bash
# The inside of scripts/netcheck.sh: runs as PID 1 of fresh network, mount and PID namespaces
# (unshare), so that nothing started here outlives it and no mount is seen outside.
#   inside.sh <work dir> <seconds> <command> [args...]
# The network has only loopback. Name lookups can only go to the logging resolver: resolv.conf,
# hosts and nsswitch.conf are replaced for this namespace, and the nscd / systemd-resolved sockets
# (which would resolve through the host's network) are hidden.
set -euo pipefail
work=$1 secs=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)

ip link set lo up
# Chromium's IPv6 reachability probe connects a UDP socket to this address (Google Public DNS).
# Put it on loopback so the connect succeeds, and listen there: the report then shows whether
# anything was ever sent to it (a UDP connect alone sends nothing).
ip -6 addr add 2001:4860:4860::8888/128 dev lo

printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' >"$work/resolv.conf"
printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' >"$work/hosts"
printf 'hosts: files dns\n' >"$work/nsswitch.conf"
for f in resolv.conf hosts nsswitch.conf; do mount --bind "$work/$f" "/etc/$f"; done
for d in /run/nscd /var/run/nscd /run/systemd/resolve; do
  if [ -d "$d" ]; then mount -t tmpfs none "$d"; fi
done

node "$here/dns-logger.mjs" "$work/dns.log" "$work/dns.ready" --sink '[2001:4860:4860::8888]:443' 2>"$work/dns-logger.err" &
dns=$!
for _ in $(seq 100); do [ -s "$work/dns.ready" ] && break; sleep 0.05; done
if [ ! -s "$work/dns.ready" ]; then
  echo "netcheck: the logging resolver did not start: $(cat "$work/dns-logger.err")" >&2
  exit 3
fi

# Signals every process in this PID namespace but this script, the resolver and strace. Like a
# service manager stopping a unit, it reaches processes that left the command's process group
# (npm's children, Chromium's helpers).
signal_all() {
  for p in /proc/[0-9]*; do
    pid=${p#/proc/}
    case "$pid" in "$$" | "$dns" | "$tracer") continue ;; esac
    kill "-$1" "$pid" 2>/dev/null || true
  done
}

date +%s.%N >"$work/started"
# strace follows every process and thread and records execs, connects and sends.
strace -f -yy -qq --seccomp-bpf -e trace=execve,connect,sendto,sendmsg,sendmmsg -e signal=none \
  -o "$work/strace.log" -- "$@" >"$work/command.log" 2>&1 &
tracer=$!
end=$(($(date +%s%3N) + secs * 1000))
while kill -0 "$tracer" 2>/dev/null && [ "$(date +%s%3N)" -lt "$end" ]; do sleep 0.2; done
timed_out=0
if kill -0 "$tracer" 2>/dev/null; then
  timed_out=1
  signal_all TERM # time is up: stop everything, as systemd would (SIGTERM, then SIGKILL 12 s later)
  for _ in $(seq 60); do kill -0 "$tracer" 2>/dev/null || break; sleep 0.2; done
  signal_all KILL
fi
status=0
wait "$tracer" || status=$?
date +%s.%N >"$work/ended"
echo "$status" >"$work/status"
echo "$timed_out" >"$work/timed-out"
kill "$dns" 2>/dev/null || true
