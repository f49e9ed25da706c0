# shellcheck shell=bash source-path=SCRIPTDIR
# A private MariaDB server: its own data directory, socket, pid file and log under one directory,
# started with `--no-defaults` as the first argument so nothing under /etc/mysql applies (FIELD-NOTES 12).

[[ -n "${VENTANILLA_MARIADB_SH:-}" ]] && return 0
VENTANILLA_MARIADB_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# The host part of the accounts db_create_module makes: the socket's 'localhost' unless a caller connects over TCP.
DB_ACCOUNT_HOST="${DB_ACCOUNT_HOST:-localhost}"

# Extra mariadbd options; scripts/test sets fast, non-durable ones for its throwaway server.
DB_EXTRA_ARGS=("${DB_EXTRA_ARGS[@]+"${DB_EXTRA_ARGS[@]}"}")

# db_paths DIR -> sets DB_DIR, DB_DATADIR, DB_SOCK, DB_PIDFILE and DB_LOG for the server kept in DIR.
db_paths() {
    mkdir -p "$1"
    DB_DIR="$(cd "$1" && pwd -P)"
    DB_DATADIR="$DB_DIR/data"
    DB_SOCK="$DB_DIR/mysqld.sock"
    DB_PIDFILE="$DB_DIR/mariadbd.pid"
    DB_LOG="$DB_DIR/error.log"
    check_unix_socket_path "$DB_SOCK"
}

# db_client [ARGS...] -> the mariadb client as root over the private socket (unix_socket authentication).
db_client() {
    mariadb --no-defaults --socket="$DB_SOCK" --user=root --batch --skip-column-names "$@"
}

db_ping() {
    mariadb-admin --no-defaults --socket="$DB_SOCK" --user=root --connect-timeout=2 ping >/dev/null 2>&1
}

# db_initialise -> creates the system tables once; a data directory that has them is reused as it is.
db_initialise() {
    [[ -d "$DB_DATADIR/mysql" ]] && return 0
    log "initialising MariaDB data directory $DB_DATADIR"
    rm -rf "$DB_DATADIR"
    mkdir -p "$DB_DATADIR"
    local user_args=(); [[ "$(id -u)" == 0 ]] && user_args=(--user=root)
    mariadb-install-db --no-defaults --datadir="$DB_DATADIR" "${user_args[@]}" \
        --auth-root-authentication-method=socket --skip-test-db >"$DB_DIR/install.log" 2>&1 \
        || die "mariadb-install-db failed; see $DB_DIR/install.log"
    touch "$DB_DIR/.needs-timezones"
}

# db_load_timezones -> named time zones (America/Mexico_City, ...) for CONVERT_TZ, once per data directory.
db_load_timezones() {
    [[ -e "$DB_DIR/.needs-timezones" ]] || return 0
    mariadb-tzinfo-to-sql /usr/share/zoneinfo 2>/dev/null | db_client mysql \
        || die "loading time zone tables failed"
    rm -f "$DB_DIR/.needs-timezones"
}

# db_start DIR -> starts (initialising if needed) the server kept in DIR and waits until it answers.
db_start() {
    db_paths "$1"
    if pidfile_alive "$DB_PIDFILE" >/dev/null; then
        die "a MariaDB server is already running for $DB_DIR (pid $(cat "$DB_PIDFILE"))"
    fi
    db_initialise
    rm -f "$DB_SOCK" "$DB_PIDFILE"
    mkdir -p "$DB_DIR/tmp"
    # Remembered so that db_restart (and scripts/lib/test-db) start the server the same way.
    local arg
    for arg in "${DB_EXTRA_ARGS[@]+"${DB_EXTRA_ARGS[@]}"}"; do printf '%s\n' "$arg"; done >"$DB_DIR/extra-args"
    local user_args=(); [[ "$(id -u)" == 0 ]] && user_args=(--user=root)
    # --no-defaults must stay the first argument.
    mariadbd --no-defaults \
        --datadir="$DB_DATADIR" --socket="$DB_SOCK" --pid-file="$DB_PIDFILE" \
        --log-error="$DB_LOG" --tmpdir="$DB_DIR/tmp" "${user_args[@]}" \
        --skip-networking --skip-name-resolve \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --default-time-zone=+00:00 --max-connections=300 \
        "${DB_EXTRA_ARGS[@]+"${DB_EXTRA_ARGS[@]}"}" \
        </dev/null >>"$DB_LOG" 2>&1 &
    local pid=$!
    if ! wait_until 60 "mariadbd" db_ping_or_dead "$pid"; then
        die "MariaDB did not start within 60 s; see $DB_LOG"
    fi
    pid_alive "$pid" || { tail -n 20 "$DB_LOG" >&2; die "mariadbd exited during start-up; see $DB_LOG"; }
    db_load_timezones
}

# db_ping_or_dead PID -> stops the wait early when the server died.
db_ping_or_dead() {
    pid_alive "$1" || return 0
    db_ping
}

# db_stop [DIR] -> clean shutdown of the server kept in DIR (default: the last one started).
db_stop() {
    [[ $# -gt 0 ]] && db_paths "$1"
    local pid
    pid="$(pidfile_alive "$DB_PIDFILE")" || return 0
    mariadb-admin --no-defaults --socket="$DB_SOCK" --user=root --shutdown-timeout=20 shutdown \
        >/dev/null 2>&1 || true
    stop_pid mariadbd "$pid" 30
}

# db_restart DIR -> stops and starts the server kept in DIR with the options it was started with.
db_restart() {
    db_paths "$1"
    DB_EXTRA_ARGS=()
    [[ -s "$DB_DIR/extra-args" ]] && mapfile -t DB_EXTRA_ARGS <"$DB_DIR/extra-args"
    db_stop "$DB_DIR"
    db_start "$DB_DIR"
}

# sql_string TEXT -> TEXT as a single-quoted SQL literal.
sql_string() {
    local s="${1//\\/\\\\}"
    printf "'%s'" "${s//\'/\'\'}"
}

# db_create_module MODULE RUNTIME_PASSWORD MIGRATION_PASSWORD [fresh] -> database MODULE and its two accounts (at
# DB_ACCOUNT_HOST: 'localhost', the socket, unless the caller connects over TCP, as scripts/cluster's app hosts do):
#   'MODULE_owner'@'localhost'  the migration account (`ventanilla migrate|seed`): ALL on MODULE.*, it owns the schema
#   'MODULE'@'localhost'        the running module (`ventanilla serve`): SELECT, INSERT, UPDATE, DELETE and EXECUTE on
#                               MODULE.* only, so a flaw in the module cannot CREATE, ALTER or DROP anything.
# Idempotent (an older run directory whose MODULE account owned the database loses the extra rights); with `fresh`
# the database is dropped first.
db_create_module() {
    local module="$1" password="$2" migration_password="$3" fresh="${4:-}"
    [[ "$module" =~ ^[a-z_]+$ ]] || die "bad module name: $module"
    {
        [[ "$fresh" == fresh ]] && printf 'DROP DATABASE IF EXISTS `%s`;\n' "$module"
        printf 'CREATE DATABASE IF NOT EXISTS `%s` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n' "$module"
        db_user_sql "${module}_owner" "$migration_password"
        printf "GRANT ALL PRIVILEGES ON \`%s\`.* TO '%s_owner'@'%s';\n" "$module" "$module" "$DB_ACCOUNT_HOST"
        db_user_sql "$module" "$password"
        # REVOKE fails on a grant that does not exist: make sure one does, then keep only the runtime rights.
        printf "GRANT SELECT ON \`%s\`.* TO '%s'@'%s';\n" "$module" "$module" "$DB_ACCOUNT_HOST"
        printf "REVOKE ALL PRIVILEGES ON \`%s\`.* FROM '%s'@'%s';\n" "$module" "$module" "$DB_ACCOUNT_HOST"
        printf "GRANT SELECT, INSERT, UPDATE, DELETE, EXECUTE ON \`%s\`.* TO '%s'@'%s';\n" "$module" "$module" "$DB_ACCOUNT_HOST"
    } | db_client || die "creating database and users for $module failed"
}

# db_user_sql USER PASSWORD -> the statements that create 'USER'@'DB_ACCOUNT_HOST' or reset its password.
db_user_sql() {
    printf "CREATE USER IF NOT EXISTS '%s'@'%s' IDENTIFIED BY %s;\n" "$1" "$DB_ACCOUNT_HOST" "$(sql_string "$2")"
    printf "ALTER USER '%s'@'%s' IDENTIFIED BY %s;\n" "$1" "$DB_ACCOUNT_HOST" "$(sql_string "$2")"
}

# db_create_admin USER PASSWORD -> a password user with every global privilege (the Swift test tiers
# create and drop their own databases and routines with it).
db_create_admin() {
    local user="$1" password="$2"
    {
        db_user_sql "$user" "$password"
        printf "GRANT ALL PRIVILEGES ON *.* TO '%s'@'%s' WITH GRANT OPTION;\n" "$user" "$DB_ACCOUNT_HOST"
    } | db_client || die "creating database user $user failed"
}
