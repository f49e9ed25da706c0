"""The two database accounts of each module (scripts/lib/mariadb.sh db_create_module): `ventanilla serve` runs as
<module>, which may read and write rows and call the module's procedures but never change the schema; `migrate`
and `seed` run as <module>_owner. The rest of the e2e suite passing through the running modules proves the runtime
grants are enough."""

from __future__ import annotations

import os
import subprocess
import unittest

from helpers import APPS_DOWN, RUN_DIR, stack_secret as secret, stack_setting

MODULES = ("monitor", "transporte", "egresos")


@unittest.skipIf(APPS_DOWN or not RUN_DIR, "needs the stack's database (scripts/test's e2e tier)")
class DatabaseAccountsTest(unittest.TestCase):
    def sql(self, user: str, password: str, database: str, statement: str) -> subprocess.CompletedProcess:
        """STATEMENT run by USER over the stack's socket (the password through MYSQL_PWD, never argv)."""
        return subprocess.run(
            ["mariadb", "--no-defaults", f"--socket={stack_setting('DB_SOCKET')}", f"--user={user}",
             "--batch", "--skip-column-names", database, "-e", statement],
            env={**os.environ, "MYSQL_PWD": password}, capture_output=True, text=True, timeout=30)

    def test_the_runtime_account_reads_and_writes_rows_but_cannot_change_the_schema(self):
        for module in MODULES:
            password = secret(f"{module.upper()}_DB_PASSWORD")
            with self.subTest(module=module):
                table = self.sql(module, password, module, "SELECT table_name FROM information_schema.tables "
                                 f"WHERE table_schema = '{module}' AND table_type = 'BASE TABLE' LIMIT 1")
                self.assertEqual(table.returncode, 0, table.stderr)
                table_name = table.stdout.strip()
                self.assertTrue(table_name, f"{module} has no table")
                for statement in (f"CREATE TABLE e2e_forbidden (id INT)",
                                  f"DROP TABLE `{table_name}`",
                                  f"ALTER TABLE `{table_name}` ADD COLUMN e2e_forbidden INT",
                                  "CREATE PROCEDURE e2e_forbidden() SELECT 1",
                                  f"DROP DATABASE `{module}`"):
                    denied = self.sql(module, password, module, statement)
                    self.assertNotEqual(denied.returncode, 0, f"{module} ran {statement}")
                    self.assertIn("denied", denied.stderr, f"{module} {statement}: {denied.stderr}")
                grants = self.sql(module, password, module, "SHOW GRANTS").stdout
                self.assertIn(f"GRANT SELECT, INSERT, UPDATE, DELETE, EXECUTE ON `{module}`.*", grants)
                # Another module's database is out of reach too.
                other = next(m for m in MODULES if m != module)
                self.assertNotEqual(self.sql(module, password, other, "SELECT 1").returncode, 0)

    def test_the_running_modules_are_connected_as_the_runtime_accounts(self):
        # root over the socket (unix_socket authentication; scripts/test runs as root) sees every connection.
        users = self.sql("root", "", "information_schema", "SELECT DISTINCT user FROM processlist")
        if users.returncode != 0:
            self.skipTest(f"no root access to the stack's server: {users.stderr}")
        connected = set(users.stdout.split())
        for module in MODULES:
            self.assertIn(module, connected)
            self.assertNotIn(f"{module}_owner", connected)

    def test_the_migration_account_owns_the_schema(self):
        for module in MODULES:
            with self.subTest(module=module):
                owner = self.sql(f"{module}_owner", secret(f"{module.upper()}_DB_MIGRATION_PASSWORD"), module,
                                 "SHOW GRANTS")
                self.assertEqual(owner.returncode, 0, owner.stderr)
                self.assertIn(f"GRANT ALL PRIVILEGES ON `{module}`.*", owner.stdout)
                self.assertEqual(stack_setting(f"{module.upper()}_DB_MIGRATION_USER"), f"{module}_owner")


if __name__ == "__main__":
    unittest.main()
