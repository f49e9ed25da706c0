# shellcheck shell=bash source-path=SCRIPTDIR
# The local stack: private MariaDB, the three module processes and nginx, all kept in one run directory
#   RUN/mariadb/   data directory, socket, pid file, log        RUN/sock/<module>.sock   FastCGI sockets
#   RUN/nginx/     rendered configuration, pid, logs, temp       RUN/logs/<module>.log    module stderr
#   RUN/pids/      <module>.pid (the real process ids)           RUN/data/<module>/       uploads, evidencias, files
#                  <module>.supervisor.pid (its supervisor: scripts/lib/supervise.py, which holds RUN/sock/<module>.sock)
#   RUN/keys/      Egresos' local RS256 key pair                 RUN/secrets.env (600)    passwords and secrets
#   RUN/logs/monitor/app.log  Monitor's application log (MONITOR_LOG_FILE, rotated to app.log.1 at 5 MB), uptime.log
#   RUN/stack.env  the configuration, for running `ventanilla` by hand against the stack

[[ -n "${VENTANILLA_STACK_SH:-}" ]] && return 0
VENTANILLA_STACK_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/packages.sh"
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
source "$(dirname "${BASH_SOURCE[0]}")/mariadb.sh"
source "$(dirname "${BASH_SOURCE[0]}")/nginx.sh"

# Secrets generated once per run directory and reused afterwards.
SECRET_NAMES=(
    MONITOR_DB_PASSWORD TRANSPORTE_DB_PASSWORD EGRESOS_DB_PASSWORD
    MONITOR_DB_MIGRATION_PASSWORD TRANSPORTE_DB_MIGRATION_PASSWORD EGRESOS_DB_MIGRATION_PASSWORD
    MONITOR_JWT_SECRET TRANSPORTE_JWT_SECRET EGRESOS_SUPPLIER_JWT_SECRET
    VENTANILLA_TEST_DB_PASSWORD
)
TEST_DB_USER=ventanilla_test

# stack_paths RUN -> sets RUN_DIR (absolute) and creates the layout above.
stack_paths() {
    mkdir -p "$1"
    RUN_DIR="$(cd "$1" && pwd -P)"
    mkdir -p "$RUN_DIR"/{sock,logs,pids,keys} \
        "$RUN_DIR/data/monitor/evidencias" "$RUN_DIR/data/monitor/uploads" \
        "$RUN_DIR/data/transporte/uploads" \
        "$RUN_DIR/data/egresos/files" "$RUN_DIR/data/egresos/uploads"
    check_unix_socket_path "$RUN_DIR/sock/transporte.sock"
}

# ensure_secrets -> RUN/secrets.env with every SECRET_NAMES entry, exported into this shell.
ensure_secrets() {
    local file="$RUN_DIR/secrets.env" name
    (umask 077 && touch "$file")
    chmod 600 "$file"
    for name in "${SECRET_NAMES[@]}"; do
        grep -q "^$name=" "$file" || printf '%s=%s\n' "$name" "$(openssl rand -hex 32)" >>"$file"
    done
    set -a
    # shellcheck disable=SC1090
    source "$file"
    set +a
}

# ensure_keys -> Egresos' local RS256 key pair (stands in for Auth0, ruling E2).
ensure_keys() {
    local private="$RUN_DIR/keys/egresos-auth0-private.pem" public="$RUN_DIR/keys/egresos-auth0-public.pem"
    if [[ ! -s "$private" ]]; then
        (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$private" 2>/dev/null) \
            || die "generating the Egresos RSA key failed"
        rm -f "$public"
    fi
    [[ -s "$public" ]] || openssl pkey -in "$private" -pubout -out "$public" 2>/dev/null \
        || die "extracting the Egresos public key failed"
}

# stack_environment -> exports the configuration of the three modules (see the binary's contract).
stack_environment() {
    # The stack talks to its private server over its socket only: drop whatever the caller had.
    local var
    for var in DB_HOST DB_PORT DB_USER DB_NAME DB_SOCKET DB_MIGRATION_USER; do
        unset "$var" "MONITOR_$var" "TRANSPORTE_$var" "EGRESOS_$var"
    done
    # Two accounts per module (db_create_module): `serve` runs as <module> (DB_USER's default), `migrate` and
    # `seed` as <module>_owner; the passwords come from secrets.env.
    export MONITOR_DB_MIGRATION_USER=monitor_owner TRANSPORTE_DB_MIGRATION_USER=transporte_owner \
        EGRESOS_DB_MIGRATION_USER=egresos_owner
    export DB_SOCKET="$DB_SOCK"
    export SQL_DIR="$ROOT/sql"
    export WORKERS="${WORKERS:-8}"
    export LOG_LEVEL="${LOG_LEVEL:-info}"

    export MONITOR_APP_TIMEZONE=America/Mexico_City
    export TRANSPORTE_APP_TIMEZONE=America/El_Salvador
    export EGRESOS_APP_TIMEZONE=America/Mexico_City

    export MONITOR_UPLOAD_DIR="$RUN_DIR/data/monitor/uploads"
    export TRANSPORTE_UPLOAD_DIR="$RUN_DIR/data/transporte/uploads"
    export EGRESOS_UPLOAD_DIR="$RUN_DIR/data/egresos/uploads"
    export MONITOR_EVIDENCIAS_DIR="$RUN_DIR/data/monitor/evidencias"
    # Monitor's application log (§8.1, ruling M15; /api/logs reads it; uptime.log lands beside it) and the front
    # its Frontend status check connects to (this stack's nginx site).
    export MONITOR_LOG_FILE="$RUN_DIR/logs/monitor/app.log"
    export MONITOR_FRONTEND_URL="http://127.0.0.1:$MONITOR_HTTP_PORT/"
    export EGRESOS_FILES_ROOT="$RUN_DIR/data/egresos/files"
    export EGRESOS_FILES_BASE_URL="http://127.0.0.1:$EGRESOS_HTTP_PORT/files"

    export EGRESOS_AUTH0_ISSUER="https://ventanilla.local/"
    export EGRESOS_AUTH0_AUDIENCES="https://egresos.ventanilla.local"
    export EGRESOS_AUTH0_PUBLIC_KEY_FILE="$RUN_DIR/keys/egresos-auth0-public.pem"
    export EGRESOS_AUTH0_PRIVATE_KEY_FILE="$RUN_DIR/keys/egresos-auth0-private.pem"

    # Transporte's plate and DUI registries (T15): the fake registry, unless the caller points elsewhere.
    export TRANSPORTE_PLACA_API_URL="${TRANSPORTE_PLACA_API_URL:-$REGISTRY_URL/placas}"
    export TRANSPORTE_DUI_API_URL="${TRANSPORTE_DUI_API_URL:-$REGISTRY_URL/duis}"
    # Monitor's cloud backup (M14): the local S3 server (s3_start).
    export MONITOR_S3_ENDPOINT="$S3_URL" MONITOR_S3_REGION="$S3_REGION" MONITOR_S3_BUCKET="$S3_BUCKET"
    export MONITOR_S3_ACCESS_KEY_ID="$S3_ACCESS_KEY_ID" MONITOR_S3_SECRET_ACCESS_KEY="$S3_SECRET_ACCESS_KEY"
    storage_environment
    write_stack_env
}

# storage_environment -> the stored files' settings (issue 18) from VENTANILLA_STORAGE: local (default) unsets
# them; s3 points both modules (STORAGE_*) and nginx (VENTANILLA_S3_PUBLIC_URL) at the local S3 server's files bucket.
storage_environment() {
    case "${VENTANILLA_STORAGE:-local}" in
        local)
            unset STORAGE_BACKEND STORAGE_S3_ENDPOINT STORAGE_S3_REGION STORAGE_S3_BUCKET STORAGE_S3_ACCESS_KEY_ID \
                STORAGE_S3_SECRET_ACCESS_KEY VENTANILLA_S3_PUBLIC_URL ;;
        s3)
            export STORAGE_BACKEND=s3 STORAGE_S3_ENDPOINT="$S3_URL" STORAGE_S3_REGION="$S3_REGION"
            export STORAGE_S3_BUCKET="$S3_FILES_BUCKET" STORAGE_S3_ACCESS_KEY_ID="$S3_ACCESS_KEY_ID"
            export STORAGE_S3_SECRET_ACCESS_KEY="$S3_SECRET_ACCESS_KEY" VENTANILLA_S3_PUBLIC_URL="$S3_URL/$S3_FILES_BUCKET" ;;
        *) die "VENTANILLA_STORAGE must be local or s3, not '$VENTANILLA_STORAGE'" ;;
    esac
}

# write_stack_env -> RUN/stack.env: `set -a; . .run/stack.env; set +a` gives a shell the stack's configuration.
write_stack_env() {
    local name
    {
        printf '# Configuration of the stack in %s (written by scripts/lib/stack.sh).\n' "$RUN_DIR"
        printf '. %q\n' "$RUN_DIR/secrets.env"
        for name in DB_SOCKET SQL_DIR WORKERS LOG_LEVEL \
            MONITOR_DB_MIGRATION_USER TRANSPORTE_DB_MIGRATION_USER EGRESOS_DB_MIGRATION_USER \
            MONITOR_APP_TIMEZONE TRANSPORTE_APP_TIMEZONE EGRESOS_APP_TIMEZONE \
            MONITOR_UPLOAD_DIR TRANSPORTE_UPLOAD_DIR EGRESOS_UPLOAD_DIR MONITOR_EVIDENCIAS_DIR \
            MONITOR_LOG_FILE MONITOR_FRONTEND_URL EGRESOS_FILES_ROOT EGRESOS_FILES_BASE_URL EGRESOS_AUTH0_ISSUER EGRESOS_AUTH0_AUDIENCES \
            EGRESOS_AUTH0_PUBLIC_KEY_FILE EGRESOS_AUTH0_PRIVATE_KEY_FILE TRANSPORTE_PLACA_API_URL TRANSPORTE_DUI_API_URL \
            MONITOR_S3_ENDPOINT MONITOR_S3_REGION MONITOR_S3_BUCKET MONITOR_S3_ACCESS_KEY_ID MONITOR_S3_SECRET_ACCESS_KEY; do
            printf '%s=%q\n' "$name" "${!name}"
        done
        for name in STORAGE_BACKEND STORAGE_S3_ENDPOINT STORAGE_S3_REGION STORAGE_S3_BUCKET STORAGE_S3_ACCESS_KEY_ID \
            STORAGE_S3_SECRET_ACCESS_KEY; do
            [[ -z "${!name:-}" ]] || printf '%s=%q\n' "$name" "${!name}"
        done
    } >"$RUN_DIR/stack.env"
    chmod 600 "$RUN_DIR/stack.env"
}

# stack_db_up RUN [fresh] -> secrets, the private server, and the three databases with their users.
stack_db_up() {
    stack_paths "$1"
    ensure_secrets
    db_start "$RUN_DIR/mariadb"
    stack_create_databases "${2:-}"
}

# stack_create_databases [fresh] -> each module's database with its runtime and migration accounts.
stack_create_databases() {
    local module prefix runtime migration
    for module in "${MODULES[@]}"; do
        prefix="$(upper "$module")"
        runtime="${prefix}_DB_PASSWORD" migration="${prefix}_DB_MIGRATION_PASSWORD"
        db_create_module "$module" "${!runtime}" "${!migration}" "${1:-}"
    done
}

# stack_migrate_and_seed -> applies every module's migrations, then its development seed; then gives Egresos'
# files stored before ruling E8 their random names (a no-op once done).
stack_migrate_and_seed() {
    local module
    for module in "${MODULES[@]}"; do
        log "migrating and seeding $module"
        "$VENTANILLA_BIN" migrate "$module" --sql-dir "$ROOT/sql" || die "migrating $module failed"
        "$VENTANILLA_BIN" seed "$module" --sql-dir "$ROOT/sql" || die "seeding $module failed"
    done
    "$VENTANILLA_BIN" files migrate egresos || die "migrating egresos' stored file names failed"
}

# module_start MODULE [SOCKET] -> `ventanilla serve MODULE` under its supervisor (scripts/lib/supervise.py), which holds the
# FastCGI socket (requests wait in its backlog while the module restarts) and starts the module again when it exits
# without being asked to (backoff, gives up after a crash loop). RUN/pids/MODULE.pid is the serve process (rewritten
# at each restart), RUN/pids/MODULE.supervisor.pid the supervisor; stopping the supervisor stops the module.
# SOCKET (default RUN/sock/MODULE.sock) may be HOST:PORT instead: a TCP listener (scripts/cluster's app hosts).
module_start() {
    local module="$1" pid
    local pidfile="$RUN_DIR/pids/$module.pid" socket="${2:-$RUN_DIR/sock/$module.sock}"
    local supervisor="$RUN_DIR/pids/$module.supervisor.pid"
    if pid="$(pidfile_alive "$supervisor")" || pid="$(pidfile_alive "$pidfile")"; then
        die "$module is already running (pid $pid) on $socket"
    fi
    rm -f "$pidfile"
    # A plain `cmd &` (no subshell, no &&), so $! is the supervisor itself (FIELD-NOTES 12).
    python3 "$LIB_DIR/supervise.py" --name "$module" --socket "$socket" --mode 660 --pidfile "$pidfile" -- \
        "$VENTANILLA_BIN" serve "$module" --workers "$WORKERS" </dev/null >>"$RUN_DIR/logs/$module.log" 2>&1 &
    printf '%s\n' "$!" >"$supervisor"
}

# module_stop MODULE -> stops MODULE's supervisor (which stops the module, finishing its requests in flight), then
# the module itself if it outlived a supervisor that had to be killed.
module_stop() {
    local module="$1" pid child
    child="$(pidfile_alive "$RUN_DIR/pids/$module.pid")" || child=""
    if pid="$(pidfile_alive "$RUN_DIR/pids/$module.supervisor.pid")"; then stop_pid "$module supervisor" "$pid" 25; fi
    if [[ -n "$child" ]]; then stop_pid "$module" "$child" 20; fi
    rm -f "$RUN_DIR/pids/$module.supervisor.pid" "$RUN_DIR/pids/$module.pid"
}

# module_ready MODULE -> the module process lives and its health route answers through nginx.
module_ready() {
    local module="$1" status
    # The module itself may be between two starts; only a supervisor that is gone (it gave up) is final.
    pidfile_alive "$RUN_DIR/pids/$module.supervisor.pid" >/dev/null || pidfile_alive "$RUN_DIR/pids/$module.pid" >/dev/null \
        || return 2
    pidfile_alive "$RUN_DIR/pids/$module.pid" >/dev/null || return 1
    status="$(http_status "$(module_port "$module")" "$(module_health_path "$module")")"
    [[ "$status" =~ ^[234] ]]
}

# modules_wait_ready -> waits until every module answers; names the one that does not.
modules_wait_ready() {
    local module i rc
    for module in "${MODULES[@]}"; do
        for ((i = 0; i < 150; i++)); do
            rc=0; module_ready "$module" || rc=$?
            ((rc == 0)) && continue 2
            if ((rc == 2)); then
                tail -n 30 "$RUN_DIR/logs/$module.log" >&2 || true
                die "$module exited during start-up; see $RUN_DIR/logs/$module.log"
            fi
            sleep 0.2
        done
        tail -n 30 "$RUN_DIR/logs/$module.log" >&2 || true
        die "$module did not answer $(module_health_path "$module") on port $(module_port "$module") within 30 s"
    done
}

modules_stop() {
    local module
    for module in "${MODULES[@]}"; do module_stop "$module"; done
}

# The fake plate and DUI registry of the local and test stacks (scripts/lib/fake_registry.py, ruling T15).
REGISTRY_PORT="${VENTANILLA_REGISTRY_PORT:-8085}"

# registry_start -> the fake registry on 127.0.0.1:REGISTRY_PORT (RUN/pids/registry.pid, RUN/logs/registry.log),
# or the one this run directory already has running; sets REGISTRY_URL.
registry_start() {
    local pidfile="$RUN_DIR/pids/registry.pid"
    REGISTRY_URL="http://127.0.0.1:$REGISTRY_PORT"
    pidfile_alive "$pidfile" >/dev/null && return 0
    ! port_in_use "$REGISTRY_PORT" \
        || die "port $REGISTRY_PORT (the fake registry, VENTANILLA_REGISTRY_PORT) is already in use on 127.0.0.1"
    # A plain `cmd &`, so $! is the registry itself.
    python3 "$LIB_DIR/fake_registry.py" "$REGISTRY_PORT" </dev/null >>"$RUN_DIR/logs/registry.log" 2>&1 &
    printf '%s\n' "$!" >"$pidfile"
    wait_until 10 "fake registry" port_in_use "$REGISTRY_PORT" \
        || die "the fake registry did not start; see $RUN_DIR/logs/registry.log"
}

registry_stop() {
    local pid
    if pid="$(pidfile_alive "$RUN_DIR/pids/registry.pid")"; then stop_pid "fake registry" "$pid" 5; fi
    rm -f "$RUN_DIR/pids/registry.pid"
}

# The local S3-compatible server of the local and test stacks (scripts/lib/s3_server.py: moto's S3 behind a
# SigV4-checking front; ruling M14). moto is pinned and installed from PyPI into .run/python-s3.
S3_PORT="${VENTANILLA_S3_PORT:-8090}"
MOTO_VERSION=5.1.18
S3_PYTHONPATH="$ROOT/.run/python-s3"
S3_BUCKET=ventanilla-monitor S3_REGION=us-east-1
# The bucket of the stored files with VENTANILLA_STORAGE=s3 (issue 18): anonymous GET/HEAD under evidencias/ and
# files/ (what nginx proxies to), never of Monitor's forms; everything else signed.
S3_FILES_BUCKET=ventanilla-files
# A fixed development key pair: the server is local and holds only test data.
S3_ACCESS_KEY_ID=VENTANILLALOCALKEY01 S3_SECRET_ACCESS_KEY=ventanilla-local-s3-secret

# ensure_moto -> moto[server] $MOTO_VERSION importable with S3_PYTHONPATH; pip installs it only when missing or another version.
ensure_moto() {
    PYTHONPATH="$S3_PYTHONPATH" python3 -c 'import moto, sys
sys.exit(moto.__version__ != sys.argv[1])' "$MOTO_VERSION" 2>/dev/null && return 0
    log "installing moto[server] $MOTO_VERSION from PyPI into $S3_PYTHONPATH"
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --upgrade \
        --target "$S3_PYTHONPATH" "moto[server]==$MOTO_VERSION" || die "pip install moto[server] failed"
}

# s3_start -> the local S3 server on 127.0.0.1:S3_PORT with its bucket (RUN/pids/s3.pid, RUN/logs/s3.log), or the
# one this run directory already has running; sets S3_URL.
s3_start() {
    local pidfile="$RUN_DIR/pids/s3.pid"
    S3_URL="http://127.0.0.1:$S3_PORT"
    pidfile_alive "$pidfile" >/dev/null && return 0
    ensure_moto
    ! port_in_use "$S3_PORT" || die "port $S3_PORT (the local S3 server, VENTANILLA_S3_PORT) is already in use on 127.0.0.1"
    mkdir -p "$RUN_DIR/pids" "$RUN_DIR/logs"
    : >"$RUN_DIR/logs/s3.ready"
    # A plain `cmd &`, so $! is the server itself. It prints "ready" once the bucket exists.
    PYTHONPATH="$S3_PYTHONPATH" python3 "$LIB_DIR/s3_server.py" \
        --public-read "$S3_FILES_BUCKET/evidencias/" --public-read "$S3_FILES_BUCKET/files/" \
        --deny-public-read "$S3_FILES_BUCKET/evidencias/*/FORMATOS/*" "$S3_PORT" "$S3_BUCKET,$S3_FILES_BUCKET" "$S3_REGION" \
        "$S3_ACCESS_KEY_ID" "$S3_SECRET_ACCESS_KEY" </dev/null >"$RUN_DIR/logs/s3.ready" 2>>"$RUN_DIR/logs/s3.log" &
    printf '%s\n' "$!" >"$pidfile"
    wait_until 30 "local S3 server" grep -q ready "$RUN_DIR/logs/s3.ready" \
        || die "the local S3 server did not start; see $RUN_DIR/logs/s3.log"
}

s3_stop() {
    local pid
    if pid="$(pidfile_alive "$RUN_DIR/pids/s3.pid")"; then stop_pid "local S3 server" "$pid" 5; fi
    rm -f "$RUN_DIR/pids/s3.pid"
}

# stack_app_up -> the fake registry, the local S3 server, migrations, seed, module processes and nginx; waits
# until all three answer. Needs stack_db_up first and VENTANILLA_BIN set.
stack_app_up() {
    local module
    ensure_keys
    registry_start
    s3_start
    stack_environment
    stack_migrate_and_seed
    for module in "${MODULES[@]}"; do module_start "$module"; done
    nginx_start "$RUN_DIR"
    modules_wait_ready
}

# stack_live_pids RUN -> prints "name pid" for every live process of the stack kept in RUN.
stack_live_pids() {
    local run="$1" module pid
    for module in "${MODULES[@]}"; do
        pid="$(pidfile_alive "$run/pids/$module.supervisor.pid")" && printf '%s %s\n' "$module-supervisor" "$pid"
        pid="$(pidfile_alive "$run/pids/$module.pid")" && printf '%s %s\n' "$module" "$pid"
    done
    pid="$(pidfile_alive "$run/nginx/nginx.pid")" && printf 'nginx %s\n' "$pid"
    pid="$(pidfile_alive "$run/mariadb/mariadbd.pid")" && printf 'mariadbd %s\n' "$pid"
    pid="$(pidfile_alive "$run/pids/registry.pid")" && printf 'registry %s\n' "$pid"
    pid="$(pidfile_alive "$run/pids/s3.pid")" && printf 's3 %s\n' "$pid"
    return 0
}

# stack_down -> stops the modules (finishing in-flight requests), nginx, the fake registry, the S3 server, then MariaDB.
stack_down() {
    [[ -n "${RUN_DIR:-}" ]] || return 0
    modules_stop
    nginx_stop "$RUN_DIR"
    registry_stop
    s3_stop
    db_stop "$RUN_DIR/mariadb"
}

# stack_stop_on_exit -> installs the traps that stop the stack however the script ends.
stack_stop_on_exit() {
    trap 'stack_cleanup' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM HUP
}

stack_cleanup() {
    local rc=$?
    trap '' INT TERM HUP
    trap - EXIT
    if [[ -n "${RUN_DIR:-}" && -n "$(stack_live_pids "$RUN_DIR")" ]]; then
        log "stopping the stack in $RUN_DIR"
        stack_down || true
    fi
    exit "$rc"
}

# print_urls -> the three module URLs, the fake registry's and the local S3 server's.
print_urls() {
    local module name
    printf '\n'
    for module in "${MODULES[@]}"; do
        name="${module^}"
        printf '  %-11s http://127.0.0.1:%s   (health: %s)\n' "$name" "$(module_port "$module")" \
            "$(module_health_path "$module")"
    done
    printf '  %-11s %s   (plates: %s, DUIs: %s)\n' "Registry" "$REGISTRY_URL" "$TRANSPORTE_PLACA_API_URL" "$TRANSPORTE_DUI_API_URL"
    printf '  %-11s %s   (bucket %s, Monitor'"'"'s cloud backup)\n' "S3" "$S3_URL" "$S3_BUCKET"
    if [[ "${VENTANILLA_STORAGE:-local}" == s3 ]]; then
        printf '  %-11s %s   (VENTANILLA_STORAGE=s3: evidence, forms and Egresos files)\n' "Files" "$S3_URL/$S3_FILES_BUCKET"
    else
        printf '  %-11s %s   (VENTANILLA_STORAGE=local)\n' "Files" "$RUN_DIR/data"
    fi
    printf '\n'
}
