# shellcheck shell=bash source-path=SCRIPTDIR
# Debian packages and the Swift toolchain. A second run costs one dpkg-query.

[[ -n "${VENTANILLA_PACKAGES_SH:-}" ]] && return 0
VENTANILLA_PACKAGES_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# What the build, the stack and the benchmark need from Debian.
# The Swift toolchain itself lives in /opt/swift; its runtime needs are the second line.
REQUIRED_PACKAGES=(
    libfcgi-dev libmariadb-dev libcrypt-dev libcurl4-openssl-dev libxlsxwriter-dev pkg-config
    binutils libc6-dev libgcc-12-dev libstdc++-12-dev zlib1g-dev git tzdata
    mariadb-server mariadb-client nginx
    wrk openssl python3 python3-pip ca-certificates curl procps
)
# What scripts/test needs besides (it adds them to REQUIRED_PACKAGES): faketime (libfaketime) for the clock tier,
# chromium and a font for the browser tier.
TEST_PACKAGES=(faketime chromium fonts-dejavu-core)

# missing_packages -> prints the packages of REQUIRED_PACKAGES that are not installed.
missing_packages() {
    local pkg status
    for pkg in "${REQUIRED_PACKAGES[@]}"; do
        status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)"
        [[ "$status" == ii* ]] || printf '%s\n' "$pkg"
    done
}

ensure_packages() {
    local missing
    mapfile -t missing < <(missing_packages)
    ((${#missing[@]} == 0)) && return 0
    require_root
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || die "apt-get update failed"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || die "apt-get install failed for: ${missing[*]}"
    mapfile -t missing < <(missing_packages)
    ((${#missing[@]} == 0)) || die "still missing after apt-get install: ${missing[*]}"
}

# ensure_swift -> puts swift on PATH (it may live in /opt/swift/usr/bin only).
ensure_swift() {
    if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    fi
    command -v swift >/dev/null 2>&1 || die "swift not found on PATH nor in /opt/swift/usr/bin.
       Install Swift 6.x (https://www.swift.org/install/linux/) and run this again."
    local version
    version="$(swift --version 2>/dev/null | grep -o 'Swift version [0-9.]*' | head -n1 || true)"
    [[ "$version" == "Swift version 6"* ]] || warn "expected Swift 6.x, found: ${version:-unknown}"
}

# ensure_prerequisites -> everything serve, test and bench need before building.
ensure_prerequisites() {
    ensure_packages
    ensure_swift
}
