# shellcheck shell=bash source-path=SCRIPTDIR
# nginx with a private configuration rendered from nginx/ (FIELD-NOTES 12: never the Debian defaults).

[[ -n "${VENTANILLA_NGINX_SH:-}" ]] && return 0
VENTANILLA_NGINX_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

NGINX_SRC="$ROOT/nginx"

# render_template FILE NAME=VALUE... -> FILE with every @NAME@ replaced by VALUE, on stdout.
# Fails when a placeholder is left over, so a template and its callers cannot drift apart silently.
render_template() {
    local file="$1" content pair name value; shift
    content="$(<"$file")"
    for pair in "$@"; do
        name="${pair%%=*}"; value="${pair#*=}"
        content="${content//@"$name"@/"$value"}"
    done
    if [[ "$content" =~ @[A-Z_]+@ ]]; then
        die "unrendered placeholder ${BASH_REMATCH[0]} in $file"
    fi
    printf '%s\n' "$content"
}

# Where the sites serve stored files from (issue 18): VENTANILLA_STORAGE=local (default: aliases of the module's
# directories) or s3 (a proxy to VENTANILLA_S3_PUBLIC_URL, `<endpoint>/<bucket>`, whose evidencias/ and files/
# prefixes allow anonymous GET and HEAD).
STORAGE_MIME_TYPES="${VENTANILLA_MIME_TYPES:-/etc/nginx/mime.types}"

# storage_maps MODULE -> the http-level maps the module's s3 location needs (nothing for local): the type by
# extension, from the same mime.types the alias uses, and for Egresos the Cache-Control of ruling E8 by path.
storage_maps() {
    local module="$1"
    [[ "${VENTANILLA_STORAGE:-local}" == s3 && ( "$module" == monitor || "$module" == egresos ) ]] || return 0
    printf 'map $ventanilla_%s_storage_path $ventanilla_%s_storage_ext {\n    default  "";\n    "~\\.(?<ext>[^./]+)$"  $ext;\n}\n' \
        "$module" "$module"
    printf 'map $ventanilla_%s_storage_ext $ventanilla_%s_storage_type {\n    default  application/octet-stream;\n' "$module" "$module"
    awk '/^[ \t]*types[ \t]*\{/ { inside = 1; next } /\}/ { inside = 0 }
        inside && NF >= 2 { sub(/;$/, "", $NF); for (i = 2; i <= NF; i++) if (!seen[$i]++) printf "    %s  %s;\n", $i, $1 }' \
        "$STORAGE_MIME_TYPES"
    printf '}\n'
    if [[ "$module" == egresos ]]; then
        printf '%s\n' 'map $ventanilla_egresos_storage_path $ventanilla_egresos_files_cache {' '    default  "no-cache";' \
            '    "~^/files/(?:billings|paymentschedules|supplierquotations|quotations|expenses)/"  "private, no-store";' '}'
    fi
}

# storage_location NAME -> the body of the /NAME/ location (nginx/storage/NAME.<local|s3>.conf), S3_ORIGIN and
# S3_PATH filled from VENTANILLA_S3_PUBLIC_URL for s3.
storage_location() {
    local name="$1" backend="${VENTANILLA_STORAGE:-local}" url="${VENTANILLA_S3_PUBLIC_URL:-}" content
    case "$backend" in
        local) printf '%s\n' "$(<"$NGINX_SRC/storage/$name.local.conf")" ;;
        s3)
            [[ "$url" =~ ^(https?://[^/]+)(/[^?#]*[^/?#])$ ]] \
                || die "VENTANILLA_S3_PUBLIC_URL must be <endpoint>/<bucket> (http(s)://host[:port]/bucket), not '$url'"
            content="$(<"$NGINX_SRC/storage/$name.s3.conf")"
            content="${content//@S3_ORIGIN@/"${BASH_REMATCH[1]}"}"
            printf '%s\n' "${content//@S3_PATH@/"${BASH_REMATCH[2]}"}" ;;
        *) die "VENTANILLA_STORAGE must be local or s3, not '$backend'" ;;
    esac
}

# render_site MODULE LISTEN SERVER_NAME NGINX_DIR BACKEND DATA_DIR WEB_DIR -> one server block on stdout.
# BACKEND is where the module's FastCGI requests go: a directory (an absolute path) holding MODULE.sock, or the name
# of an nginx `upstream` (scripts/cluster's front, over several app hosts). DATA_DIR holds evidencias/ (Monitor)
# and files/ (Egresos); WEB_DIR the static pages (web/: Monitor's panel).
# The storage placeholders come first (their text holds placeholders of its own); the maps an s3 site needs
# (storage_maps) are printed before the site.
render_site() {
    local module="$1" listen="$2" server_name="$3" nginx_dir="$4" backend="$5" data_dir="$6" web_dir="$7"
    local maps evidencias files
    [[ "$backend" == /* ]] && backend="unix:$backend/$module.sock"
    maps="$(storage_maps "$module")" && evidencias="$(storage_location evidencias)" && files="$(storage_location files)" || exit 1
    [[ -z "$maps" ]] || printf '# Stored files served from S3 (VENTANILLA_STORAGE=s3, issue 18).\n%s\n\n' "$maps"
    render_template "$NGINX_SRC/sites/$module.conf" \
        "EVIDENCIAS_STORAGE=$evidencias" "FILES_STORAGE=$files" \
        "LISTEN=$listen" "SERVER_NAME=$server_name" "NGINX_DIR=$nginx_dir" "FASTCGI_PASS=$backend" \
        "EVIDENCIAS_DIR=$data_dir/evidencias" "FILES_ROOT=$data_dir/files" "WEB_DIR=$web_dir"
}

# render_local_nginx RUN_DIR -> RUN_DIR/nginx/nginx.conf and RUN_DIR/nginx/sites/*.conf for the local stack.
render_local_nginx() {
    local run="$1" module
    local nginx_run="$run/nginx"
    mkdir -p "$nginx_run/sites" "$nginx_run/logs" "$nginx_run/tmp"
    rm -f "$nginx_run/sites/"*.conf
    for module in "${MODULES[@]}"; do
        render_site "$module" "127.0.0.1:$(module_port "$module")" "127.0.0.1 localhost" \
            "$NGINX_SRC" "$run/sock" "$run/data/$module" "$ROOT/web" >"$nginx_run/sites/$module.conf"
    done
    render_template "$NGINX_SRC/local.conf" \
        "RUN_DIR=$run" "NGINX_DIR=$NGINX_SRC" "NGINX_RUN=$nginx_run" "NGINX_USER=$(id -un)" \
        "STATIC_LISTEN=127.0.0.1:$STATIC_HTTP_PORT" >"$nginx_run/nginx.conf"
}

# Where the production example serves the static pages from (web/ of this repository; nginx/production/README.md).
PRODUCTION_WEB_DIR=/usr/local/share/ventanilla/web

# The certificate and key of the production example (render-production takes others from
# VENTANILLA_TLS_CERTIFICATE and VENTANILLA_TLS_CERTIFICATE_KEY).
PRODUCTION_TLS_CERTIFICATE=/etc/ssl/ventanilla/fullchain.pem
PRODUCTION_TLS_CERTIFICATE_KEY=/etc/ssl/ventanilla/privkey.pem

# render_production_example [CERTIFICATE KEY] -> the production example (nginx/production/ventanilla.conf) on
# stdout: the shared http-level settings, a port-80 server that redirects to HTTPS, and the three server blocks on
# 443 with TLS (one certificate whose names cover the three server_names).
render_production_example() {
    local cert="${1:-$PRODUCTION_TLS_CERTIFICATE}" key="${2:-$PRODUCTION_TLS_CERTIFICATE_KEY}" module backend names=()
    for module in "${MODULES[@]}"; do names+=("$module.example.com"); done
    printf '%s\n' \
        "# Production example: the three Ventanilla modules behind one nginx, HTTPS on 443, port 80 redirecting." \
        "# GENERATED from nginx/sites/*.conf by scripts/lib/render-production; do not edit by hand." \
        "# Install: nginx/production/README.md. Sockets: /run/ventanilla/<module>.sock (ventanilla@.service)." \
        "" \
        "include  /etc/nginx/ventanilla/http.conf;" \
        "" \
        "# Plain HTTP only redirects to HTTPS." \
        "server {" \
        "    listen       80;" \
        "    server_name  ${names[*]};" \
        "    return       301 https://\$host\$request_uri;" \
        "}" \
        ""
    for module in "${MODULES[@]}"; do
        # VENTANILLA_UPSTREAMS=1: FastCGI to the app hosts of nginx/production/upstreams.conf (README "Production
        # topology") instead of this machine's sockets.
        backend=/run/ventanilla
        [[ "${VENTANILLA_UPSTREAMS:-0}" == 1 ]] && backend="ventanilla_$module"
        render_site "$module" "443 ssl" "$module.example.com" "/etc/nginx/ventanilla" "$backend" \
            "/var/lib/ventanilla/$module" "$PRODUCTION_WEB_DIR" | sed '/^# Placeholders/d' | production_tls "$cert" "$key"
        printf '\n'
    done
}

# production_tls CERTIFICATE KEY -> the server block on stdin with its TLS settings after its server_name.
production_tls() {
    awk -v cert="$1" -v key="$2" '{ print }
        /^    server_name / {
            print ""
            print "    ssl_certificate      " cert ";"
            print "    ssl_certificate_key  " key ";"
            print "    ssl_protocols        TLSv1.2 TLSv1.3;"
            print "    ssl_session_cache    shared:ventanilla_tls:10m;"
            print "    ssl_session_timeout  1d;"
            print "    ssl_session_tickets  off;"
        }'
}

# ensure_ports_free -> fails clearly when a port of the stack is taken (another stack or program).
ensure_ports_free() {
    local port
    for port in "$MONITOR_HTTP_PORT" "$TRANSPORTE_HTTP_PORT" "$EGRESOS_HTTP_PORT" "$STATIC_HTTP_PORT"; do
        port_in_use "$port" || continue
        die "port $port is already in use on 127.0.0.1 (is scripts/serve running?)
       $(command -v ss >/dev/null && ss -ltnpH "sport = :$port" 2>/dev/null | head -n1)"
    done
}

# nginx_start RUN_DIR -> renders the configuration, checks it and starts nginx in the background.
# Sets NGINX_PID (the master process, the one the pid file names too).
nginx_start() {
    local run="$1"
    local nginx_run="$run/nginx"
    if pidfile_alive "$nginx_run/nginx.pid" >/dev/null; then
        die "nginx is already running for $run (pid $(cat "$nginx_run/nginx.pid"))"
    fi
    ensure_ports_free
    render_local_nginx "$run"
    nginx -t -q -p "$nginx_run/" -e "$nginx_run/logs/error.log" -c "$nginx_run/nginx.conf" \
        || die "nginx rejected $nginx_run/nginx.conf"
    nginx -p "$nginx_run/" -e "$nginx_run/logs/error.log" -c "$nginx_run/nginx.conf" \
        </dev/null >>"$nginx_run/logs/stderr.log" 2>&1 &
    NGINX_PID=$!
    wait_until 10 nginx port_in_use "$STATIC_HTTP_PORT" \
        || { tail -n 20 "$nginx_run/logs/error.log" >&2; die "nginx did not start; see $nginx_run/logs/error.log"; }
    pid_alive "$NGINX_PID" || die "nginx exited during start-up; see $nginx_run/logs/error.log"
}

# nginx_stop RUN_DIR -> stops the nginx started for RUN_DIR (SIGTERM: workers finish and exit).
nginx_stop() {
    local pid
    pid="$(pidfile_alive "$1/nginx/nginx.pid")" || return 0
    stop_pid nginx "$pid" 10
}

# nginx_check_production DIR [upstreams] -> nginx -t on the committed production example, with the paths of this
# checkout and a throwaway self-signed certificate in place of the site's; DIR is a scratch directory. With
# `upstreams`: the example rendered for several app hosts (VENTANILLA_UPSTREAMS=1) beside nginx/production/upstreams.conf.
nginx_check_production() {
    local dir="$1" source="$NGINX_SRC/production/ventanilla.conf" upstreams=""
    if [[ "${2:-}" == upstreams ]]; then
        mkdir -p "$dir"
        source="$dir/ventanilla-upstreams.conf"
        VENTANILLA_UPSTREAMS=1 render_production_example >"$source"
        upstreams="include $NGINX_SRC/production/upstreams.conf;"
    fi
    mkdir -p "$dir/logs" "$dir/tmp" "$dir/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=monitor.example.com" \
        -addext "subjectAltName=DNS:monitor.example.com,DNS:transporte.example.com,DNS:egresos.example.com" \
        -keyout "$dir/tls/privkey.pem" -out "$dir/tls/fullchain.pem" 2>/dev/null \
        || { warn "openssl could not make a self-signed certificate"; return 1; }
    sed -e "s|/etc/nginx/ventanilla/|$NGINX_SRC/|g" \
        -e "s|$PRODUCTION_TLS_CERTIFICATE;|$dir/tls/fullchain.pem;|" \
        -e "s|$PRODUCTION_TLS_CERTIFICATE_KEY;|$dir/tls/privkey.pem;|" \
        "$source" >"$dir/ventanilla.conf"
    cat >"$dir/nginx.conf" <<CONF
error_log $dir/logs/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    client_body_temp_path $dir/tmp;
    fastcgi_temp_path $dir/tmp;
    proxy_temp_path $dir/tmp;
    uwsgi_temp_path $dir/tmp;
    scgi_temp_path $dir/tmp;
    $upstreams
    include $dir/ventanilla.conf;
}
CONF
    nginx -t -q -p "$dir/" -e "$dir/logs/error.log" -c "$dir/nginx.conf" -g "pid $dir/nginx.pid;"
}
