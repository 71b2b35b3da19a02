#!/usr/bin/env bash
# Nothing leaves the box: runs a command (default `npm start`) for a while in a network namespace
# that has only loopback and a logging DNS resolver, traces every connect and send with strace,
# then prints every host name that was looked up and every address that was contacted, and fails
# when anything other than WhatsApp Web (web.whatsapp.com, *.whatsapp.com, *.whatsapp.net) or the
# configured Ollama host (OLLAMA_HOST) was asked for. See docs/RELIABILITY.md.
#
#   scripts/netcheck.sh [-t SECONDS] [-o REPORT.json] [--keep] [--check] [-- COMMAND [ARGS...]]
#
#   -t SECONDS  how long the command runs (default 180); it then gets SIGTERM
#   -o FILE     also write the report as JSON
#   --keep      keep the work folder (DNS log, strace log, the command's output)
#   --check     only say whether this machine can run the check
#
# Needs Linux, root (network and mount namespaces), strace and iproute2 (scripts/setup.sh installs
# them), and Node. Exit status: 0 nothing else was contacted, 1 something was, 2 usage,
# 3 the check cannot run here (the reason is printed), 4 inconclusive (strace itself failed midway,
# a rare ptrace race; run it again).
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)

secs=180 report="" keep=0 check=0
while [ $# -gt 0 ]; do
  case "$1" in
    -t) secs=${2:?}; shift 2 ;;
    -o) report=${2:?}; shift 2 ;;
    --keep) keep=1; shift ;;
    --check) check=1; shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "netcheck: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || set -- npm start
case "$secs" in ''|*[!0-9]*) echo "netcheck: -t needs whole seconds" >&2; exit 2 ;; esac

cannot() { echo "netcheck: cannot run here: $*" >&2; exit 3; }
[ "$(uname -s)" = Linux ] || cannot "network namespaces need Linux"
for tool in unshare ip strace timeout node; do
  command -v "$tool" >/dev/null 2>&1 || cannot "$tool is not installed (bash scripts/setup.sh installs strace and iproute2)"
done
if ! err=$(unshare --net --mount --pid --fork --mount-proc true 2>&1); then
  if [ "$(id -u)" -ne 0 ]; then cannot "not root: creating network and mount namespaces needs root (CAP_SYS_ADMIN): $err"; fi
  cannot "this machine does not allow new network/mount/PID namespaces (a container without CAP_SYS_ADMIN?): $err"
fi
if ! err=$(unshare --net --fork sh -c 'ip link set lo up && ip -6 addr add 2001:4860:4860::8888/128 dev lo' 2>&1); then
  cannot "cannot configure loopback inside a network namespace (IPv6 disabled?): $err"
fi
if ! err=$(strace -f -qq -e trace=connect -o /dev/null true 2>&1); then
  cannot "strace cannot trace here (ptrace not permitted?): $err"
fi
[ "$check" = 0 ] || { echo "netcheck: this machine can run the check"; exit 0; }

work=$(mktemp -d "${TMPDIR:-/tmp}/munshi-netcheck.XXXXXX")
chmod 755 "$work"
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
echo "netcheck: running \`$*\` for ${secs} s in a network namespace with only loopback (work folder $work)" >&2
unshare --net --mount --pid --fork --mount-proc -- bash "$here/scripts/netcheck/inside.sh" "$work" "$secs" "$@"
node "$here/scripts/netcheck/report.mjs" "$work" "$report" "$*"
