# shellcheck shell=bash
# scripts/bench --profile: a profile of one module under one row's measured load.
#   perf       `perf record` (cpu-clock, call graph) attached to the module process for the measured run; the
#              report's top is the summary (Debian linux-perf, installed when missing)
#   callgrind  where perf cannot run (perf_event_paranoid, a container without perf events): the module is
#              restarted under valgrind's callgrind for the row, stopped after it (callgrind writes its counts at
#              exit) and started again normally; callgrind_annotate's top is the summary (Debian valgrind)
# Needs the bench's RUN_DIR, VENTANILLA_BIN, WORKERS and the stack's environment (stack_environment).
#   BENCH_PERF_CALLGRAPH   perf's --call-graph mode (default: dwarf; fp is cheaper where frame pointers are kept)
#   BENCH_PROFILE_LINES    lines of each report kept in the printed summary (default: 40)

PROFILER_PID=""
PROFILE_SUMMARY=""
PROFILE_LINES="${BENCH_PROFILE_LINES:-40}"

# ensure_debian_package PACKAGE COMMAND -> COMMAND is on PATH, installing PACKAGE when it is not.
ensure_debian_package() {
    command -v "$2" >/dev/null 2>&1 && return 0
    log "installing Debian package $1 (for $2)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null \
        || die "apt-get install $1 failed"
    command -v "$2" >/dev/null 2>&1 || die "$2 still missing after installing $1"
}

# ensure_profiler -> BENCH_PROFILER's tool is installed; perf falls back to callgrind when it cannot record here.
ensure_profiler() {
    if [[ "$BENCH_PROFILER" == perf ]]; then
        ensure_debian_package linux-perf perf
        if perf record -q -e cpu-clock -o /dev/null -- true >/dev/null 2>&1; then
            return 0
        fi
        warn "perf cannot record here (kernel.perf_event_paranoid=$(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null || echo '?')); using callgrind"
        BENCH_PROFILER=callgrind
    fi
    ensure_debian_package valgrind valgrind
    ensure_debian_package valgrind callgrind_annotate
}

# profile_start MODULE SECONDS -> starts profiling MODULE for the next SECONDS of load.
profile_start() {
    local module="$1" seconds="$2" dir="$RUN_DIR/profile" pids
    mkdir -p "$dir"
    PROFILE_SUMMARY="$dir/summary.txt"
    if [[ "$BENCH_PROFILER" == perf ]]; then
        pids="$(role_pids app "$module" | paste -sd, -)"
        perf record -q -F 999 -e cpu-clock --call-graph "${BENCH_PERF_CALLGRAPH:-dwarf}" -p "$pids" \
            -o "$dir/$module.perf.data" -- sleep "$seconds" >"$dir/perf-record.log" 2>&1 &
        PROFILER_PID=$!
        sleep 0.2
        return 0
    fi
    # callgrind: the module again, under valgrind, for this row only.
    local pid socket="$RUN_DIR/sock/$module.sock" i
    module_stop "$module"
    valgrind --tool=callgrind --callgrind-out-file="$dir/$module.callgrind" \
        "$VENTANILLA_BIN" serve "$module" --socket "$socket" --socket-mode 660 --workers "$WORKERS" \
        </dev/null >>"$RUN_DIR/logs/$module.valgrind.log" 2>&1 &
    printf '%s\n' "$!" >"$RUN_DIR/pids/$module.pid"
    for ((i = 0; i < 300; i++)); do module_ready "$module" && return 0; sleep 0.2; done
    die "$module did not start under valgrind; see $RUN_DIR/logs/$module.valgrind.log"
}

# report_top FILE -> the first BENCH_PROFILE_LINES entries of a perf or callgrind_annotate report: comments and
# padding dropped, Swift symbols demangled (swift-demangle --simplified, when the toolchain has it).
report_top() {
    local demangle=(cat)
    command -v swift-demangle >/dev/null 2>&1 && demangle=(swift-demangle --simplified)
    { grep -v -e '^#' -e '^-*$' -e '^[[:space:]]*$' "$1" || true; } | sed 's/[[:space:]-]*$//; s/^[[:space:]]*//' \
        | "${demangle[@]}" | awk -v n="$PROFILE_LINES" 'NR <= n' || true
}

# The parts of a request the summary names, as "label|pattern" (an extended regular expression matched against
# the demangled symbols of the inclusive report; the first, largest, match is shown).
PROFILE_PARTS=(
    "FastCGI accept and params|FCGX_Accept_r$"
    "FastCGI finish and close|FCGX_Finish_r$|FCGX_Free$"
    "CGI parameters to Request|Request.fromCGI|ModuleWorker.handle.*forEachParameter"
    "CGI head and body write|FastCGIExchange.write"
    "token check (claims of the token)|(MonitorTokens|TransporteTokens).claims\\(from:|StaffAuth.handle|SupplierTokens.verify"
    "  signature and JSON (no cache hit)|HS256Token.verify\\(_:now:leeway:\\)|RS256Verifier.verify\\(_:now:\\)"
    "database statements|MariaDBConnection.withStatement"
    "  libmariadb execute|mysql_stmt_execute$"
    "  rows read into Swift|PreparedStatement.readResultSet"
    "response JSON encoding|JSONWriter.encode"
    "log lines (all handlers)|Logger.(info|log)\\("
    "  stderr line|(StreamLogHandler|StandardErrorLogHandler).log\\(event:\\)"
    "  Monitor app.log line|ApplicationLogHandler.log\\(event:\\)"
    "  zone file re-read|__tzfile_read|tzset_internal"
    "request id|RequestID.generate"
)

# report_parts FILE -> one line per PROFILE_PARTS entry: its inclusive share in the perf report FILE, or "-".
report_parts() {
    local demangled part label pattern line
    demangled="$(mktemp)"
    { grep -v '^#' "$1" || true; } | sed 's/[[:space:]-]*$//' | { if command -v swift-demangle >/dev/null 2>&1; then swift-demangle --simplified; else cat; fi; } \
        >"$demangled"
    for part in "${PROFILE_PARTS[@]}"; do
        label="${part%%|*}" pattern="${part#*|}"
        line="$(grep -E -- "$pattern" "$demangled" | head -n 1 || true)"
        printf '  %-40s %s\n' "$label" "$(awk '{ print $1 }' <<<"${line:--}")"
    done
    rm -f "$demangled"
}

# profile_finish MODULE LABEL -> ends the profile and writes PROFILE_SUMMARY (the report's top).
profile_finish() {
    local module="$1" label="$2" dir="$RUN_DIR/profile" pid
    {
        printf '\nprofile of %s under "%s" (%s):\n' "$module" "$label" "$BENCH_PROFILER"
        if [[ "$BENCH_PROFILER" == perf ]]; then
            wait "$PROFILER_PID" || warn "perf record ended with an error; see $dir/perf-record.log"
            perf report -i "$dir/$module.perf.data" --stdio --no-children --sort dso,symbol -g none \
                --percent-limit 0.5 2>/dev/null >"$dir/self.txt" || true
            perf report -i "$dir/$module.perf.data" --stdio --children --sort symbol -g none \
                --percent-limit 0.2 2>/dev/null >"$dir/children.txt" || true
            perf report -i "$dir/$module.perf.data" --stdio --no-children -G 2>/dev/null >"$dir/callgraph.txt" || true
            printf '\nself time by function (%s/self.txt):\n' "$dir"
            report_top "$dir/self.txt"
            printf '\nthe parts of a request (inclusive share of all samples, kernel time included):\n'
            report_parts "$dir/children.txt"
            printf '\ninclusive time by function, children included (%s/children.txt):\n' "$dir"
            report_top "$dir/children.txt"
            printf '\nfull call graph: %s/callgraph.txt; perf report -i %s\n' "$dir" "$dir/$module.perf.data"
        else
            pid="$(pidfile_alive "$RUN_DIR/pids/$module.pid")" && stop_pid "$module" "$pid" 60
            callgrind_annotate --inclusive=no "$dir/$module.callgrind" >"$dir/self.txt" 2>/dev/null || true
            callgrind_annotate --inclusive=yes "$dir/$module.callgrind" >"$dir/inclusive.txt" 2>/dev/null || true
            printf '\ninstructions by function, self (%s/self.txt):\n' "$dir"
            report_top "$dir/self.txt"
            printf '\ninstructions by function, inclusive (%s/inclusive.txt):\n' "$dir"
            report_top "$dir/inclusive.txt"
            module_start "$module"
            for ((pid = 0; pid < 150; pid++)); do module_ready "$module" && break; sleep 0.2; done
        fi
    } >"$PROFILE_SUMMARY"
    PROFILER_PID=""
}
