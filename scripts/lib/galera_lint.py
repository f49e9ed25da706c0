#!/usr/bin/env python3
"""Galera-safe SQL (issue 18): fails on SQL a multi-primary MariaDB Galera cluster does not replicate or honour.

Scans sql/ and Sources/ (comments aside) for named locks (GET_LOCK, RELEASE_LOCK, IS_FREE_LOCK, IS_USED_LOCK:
node-local under Galera; use MariaDBLease), LOCK TABLES / FLUSH TABLES ... WITH READ LOCK (not supported in
multi-primary), and a table created or altered with an engine other than InnoDB (Galera replicates InnoDB only).
Every table having a primary key is checked on the migrated databases by RepositoryMigrationsTests.
Usage: galera_lint.py ROOT; prints one line per finding and exits 1 when there is any.
"""
import pathlib
import re
import sys

RULES = [
    (re.compile(r"\b(GET_LOCK|RELEASE_LOCK|RELEASE_ALL_LOCKS|IS_FREE_LOCK|IS_USED_LOCK)\s*\(", re.I),
     "named lock: node-local under Galera (use MariaDBLease)"),
    (re.compile(r"\bLOCK\s+TABLES?\b", re.I), "LOCK TABLES: not supported on a multi-primary cluster"),
    (re.compile(r"\bFLUSH\s+TABLES?\b[^;]*\bWITH\s+READ\s+LOCK\b", re.I), "FLUSH TABLES WITH READ LOCK"),
    (re.compile(r"\bENGINE\s*=\s*(?!InnoDB\b)[A-Za-z_]+", re.I), "an engine other than InnoDB: Galera replicates InnoDB only"),
]


def code_lines(path: pathlib.Path):
    """(line number, text) of the lines that are not comments (`--`/`#` in SQL, `//` and `///` in Swift)."""
    prefixes = ("//",) if path.suffix == ".swift" else ("--", "#")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith(prefixes):
            yield number, line


def findings(root: pathlib.Path):
    for folder, suffix in (("sql", ".sql"), ("Sources", ".swift")):
        for path in sorted((root / folder).rglob("*" + suffix)):
            for number, line in code_lines(path):
                for pattern, why in RULES:
                    match = pattern.search(line)
                    # In Swift only SQL text counts: its keywords are upper case (`engine = ...` is a variable).
                    if match and (suffix == ".sql" or not match.group(0)[0].islower()):
                        yield f"{path.relative_to(root)}:{number}: {why}: {line.strip()}"


def main() -> int:
    found = list(findings(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
