#!/usr/bin/env bash
# The wsrep readiness check against a real Galera node (issue 18): starts a single-node Galera cluster (galera-4,
# bound to 127.0.0.41) and a plain MariaDB server under .run/galera-readiness/, then runs GaleraReadinessTests,
# which put the Galera node out of service (wsrep_reject_queries, then a lost primary component) and check that
# connections skip it for the plain server and come back to it. Needs a test build (`swift build --build-tests`).
# Not a tier: the whole topology (three nodes, kill and rejoin) is `scripts/cluster test`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
# shellcheck source-path=SCRIPTDIR/../../scripts/lib
source "$ROOT/scripts/lib/mariadb.sh"

RUN="$ROOT/.run/galera-readiness"
GALERA_ADDRESS=127.0.0.41
GALERA_PORT="${VENTANILLA_GALERA_TEST_PORT:-4541}"
mkdir -p "$RUN"

DB_EXTRA_ARGS=(--wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so --wsrep-cluster-address=gcomm://
    --wsrep-node-address="$GALERA_ADDRESS" --binlog-format=ROW --innodb-autoinc-lock-mode=2
    --wsrep-provider-options="gmcast.listen_addr=tcp://$GALERA_ADDRESS:$GALERA_PORT;ist.recv_addr=$GALERA_ADDRESS:$((GALERA_PORT + 1))")
db_start "$RUN/galera"
GALERA_SOCK="$DB_SOCK"
trap 'db_stop "$RUN/galera"; db_stop "$RUN/plain"' EXIT
DB_EXTRA_ARGS=()
db_start "$RUN/plain"

cd "$ROOT"
VENTANILLA_TEST_GALERA_SOCKET="$GALERA_SOCK" VENTANILLA_TEST_GALERA_DEAD_PEER="gcomm://127.0.0.43:$((GALERA_PORT + 10))" \
VENTANILLA_TEST_DB_SOCKET="$DB_SOCK" VENTANILLA_TEST_DB_USER=root VENTANILLA_TEST_DB_PASSWORD='' \
    swift test --skip-build --filter GaleraReadinessTests
