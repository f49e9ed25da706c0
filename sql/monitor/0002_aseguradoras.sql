-- Monitor module: the three insurers (monitor.md §11.3). No API creates or edits insurers.
--
-- Inserted without explicit ids, in this order, so a fresh database gets AXA = 1, HDI = 2, Qualitas = 3
-- as in the original. Idempotent through the UNIQUE key on aseguradora.nombre (0001): a name that already
-- exists is left as it is (its id and logo included). INSERT ... ON DUPLICATE KEY UPDATE with a no-op
-- instead of INSERT IGNORE, so that any other error (not a duplicate name) still fails the migration.
-- Logos (aseguradora.logo) are not part of this migration: the application may fill an empty logo from
-- its asset files at start-up, as the original did.

SET NAMES utf8mb4;

INSERT INTO aseguradora (nombre) VALUES ('AXA')
    ON DUPLICATE KEY UPDATE nombre = nombre;
INSERT INTO aseguradora (nombre) VALUES ('HDI')
    ON DUPLICATE KEY UPDATE nombre = nombre;
INSERT INTO aseguradora (nombre) VALUES ('Qualitas')
    ON DUPLICATE KEY UPDATE nombre = nombre;
