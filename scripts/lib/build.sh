# shellcheck shell=bash source-path=SCRIPTDIR
# Building the one executable.

[[ -n "${VENTANILLA_BUILD_SH:-}" ]] && return 0
VENTANILLA_BUILD_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# build_release -> builds `ventanilla` in release mode and sets VENTANILLA_BIN to its absolute path.
# VENTANILLA_BIN set by the caller (an executable) skips the build: handy when iterating on scripts.
build_release() {
    if [[ -n "${VENTANILLA_BIN:-}" ]]; then
        [[ -x "$VENTANILLA_BIN" ]] || die "VENTANILLA_BIN=$VENTANILLA_BIN is not an executable"
        VENTANILLA_BIN="$(cd "$(dirname "$VENTANILLA_BIN")" && pwd -P)/$(basename "$VENTANILLA_BIN")"
        warn "using VENTANILLA_BIN=$VENTANILLA_BIN instead of building"
        export VENTANILLA_BIN
        return 0
    fi
    log "building ventanilla (release)"
    (cd "$ROOT" && swift build -c release --product ventanilla) || die "release build failed"
    VENTANILLA_BIN="$(cd "$ROOT" && swift build -c release --show-bin-path)/ventanilla"
    [[ -x "$VENTANILLA_BIN" ]] || die "build finished but $VENTANILLA_BIN is missing"
    export VENTANILLA_BIN
}
