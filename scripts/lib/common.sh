# shellcheck shell=bash source-path=SCRIPTDIR
# Shared helpers for scripts/serve, scripts/test and scripts/bench: logging, paths, process bookkeeping.
# Sourced, never executed. Every function is small and does one thing; callers run with `set -euo pipefail`.

[[ -n "${VENTANILLA_COMMON_SH:-}" ]] && return 0
VENTANILLA_COMMON_SH=1

# Repository root, whatever the caller's working directory.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
LIB_DIR="$ROOT/scripts/lib"

# The three modules, in the order they are started and printed.
MODULES=(monitor transporte egresos)

# Local ports (ruling 6). Overridable so a second stack can run beside `scripts/serve`.
MONITOR_HTTP_PORT="${VENTANILLA_MONITOR_PORT:-8080}"
TRANSPORTE_HTTP_PORT="${VENTANILLA_TRANSPORTE_PORT:-8081}"
EGRESOS_HTTP_PORT="${VENTANILLA_EGRESOS_PORT:-8082}"
STATIC_HTTP_PORT="${VENTANILLA_STATIC_PORT:-8089}"

if [[ -t 2 ]]; then
    _C_LOG=$'\033[1;34m' _C_WARN=$'\033[1;33m' _C_ERR=$'\033[1;31m' _C_OFF=$'\033[0m'
else
    _C_LOG='' _C_WARN='' _C_ERR='' _C_OFF=''
fi
log()  { printf '%s==>%s %s\n' "$_C_LOG" "$_C_OFF" "$*" >&2; }
warn() { printf '%swarning:%s %s\n' "$_C_WARN" "$_C_OFF" "$*" >&2; }
die()  { printf '%serror:%s %s\n' "$_C_ERR" "$_C_OFF" "$*" >&2; exit 1; }

# upper monitor -> MONITOR
upper() { printf '%s' "${1^^}"; }

# module_port MODULE -> the nginx port of that module.
module_port() {
    local var; var="$(upper "$1")_HTTP_PORT"
    printf '%s' "${!var}"
}

# module_health_path MODULE -> the route that proves the module and its database answer.
module_health_path() {
    case "$1" in
        monitor)    printf '/api/health' ;;
        transporte) printf '/root' ;;
        egresos)    printf '/api/v1/health' ;;
        *) die "unknown module: $1" ;;
    esac
}

require_root() {
    [[ "$(id -u)" == 0 ]] || die "run this as root (it installs Debian packages and starts nginx and MariaDB)"
}

# pid_alive PID -> success when a process with that id exists (and is not a zombie).
pid_alive() {
    local pid="$1"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]]
}

# pidfile_alive FILE -> success when FILE names a live process; prints the pid.
pidfile_alive() {
    local file="$1" pid
    [[ -s "$file" ]] || return 1
    pid="$(tr -dc '0-9' <"$file")"
    pid_alive "$pid" || return 1
    printf '%s' "$pid"
}

# stop_pid NAME PID [SECONDS] -> SIGTERM, wait up to SECONDS (default 15), then SIGKILL.
stop_pid() {
    local name="$1" pid="$2" limit="${3:-15}" i
    pid_alive "$pid" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < limit * 10; i++)); do
        pid_alive "$pid" || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    warn "$name (pid $pid) did not stop within ${limit}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# wait_until SECONDS LABEL COMMAND... -> retries COMMAND every 0.2 s (LABEL only documents the call).
wait_until() {
    local limit="$1" i; shift 2
    for ((i = 0; i < limit * 5; i++)); do
        "$@" && return 0
        sleep 0.2
    done
    return 1
}

# port_in_use PORT -> success when something accepts TCP connections on 127.0.0.1:PORT.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# http_status PORT PATH -> prints the HTTP status code of a GET, or 000 when nothing answers.
# Plain bash (/dev/tcp), so it works before curl or python are installed.
http_status() {
    local port="$1" path="$2" line
    line="$(
        exec 2>/dev/null
        exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 0
        printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
        IFS= read -r -t 5 line <&3 && printf '%s' "$line"
    )" || true
    line="${line#HTTP/1.? }"
    line="${line:0:3}"
    [[ "$line" =~ ^[0-9]{3}$ ]] && printf '%s' "$line" || printf '000'
}

# check_unix_socket_path PATH -> sun_path holds 107 bytes plus NUL.
check_unix_socket_path() {
    (( ${#1} < 108 )) || die "socket path too long for a unix socket (${#1} bytes): $1
       clone the repository to a shorter path"
}
