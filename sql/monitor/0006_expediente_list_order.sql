-- Monitor module: indexes that serve the order of GET /api/expedientes (monitor.md §4.4, ruling 7), so a page
-- (`LIMIT n OFFSET k`) reads n + k index entries instead of sorting every expediente (issue 17: with ~20,000 rows
-- MariaDB spent ~170 ms per page on the filesort, and the soak's p99 climbed with the table).
--
-- The list's order is "fecha_ingreso descending with missing dates first, then newest created, then
-- no_siniestro". Missing dates first in a descending order is the expression `fecha_ingreso IS NULL DESC`, which
-- no index over the bare columns can serve (MariaDB sorts NULL lowest, so last in a descending index). The
-- generated column sin_fecha_ingreso holds that expression, and the list orders by it; MariaDB 10.11 does not
-- match an expression to a generated column by itself, so the application names the column.
--
-- PERSISTENT rather than VIRTUAL: an index over a stored column is an ordinary index to InnoDB (indexes over
-- virtual columns have had purge and rollback bugs), and one byte per row is nothing. The API never returns it
-- (the application selects its columns by name) and nothing can write it.
--
-- The indexes, each with the list's whole order after its equality prefix (descending parts are real descending
-- indexes since MariaDB 10.8, so the mixed DESC/ASC order is one forward scan):
-- * ix_expediente_lista: the unfiltered list and `q` (a scan in order that stops once the page is full), and
--   `desde`/`hasta` (the application adds `sin_fecha_ingreso = 0`, which either implies, so they are one range).
--   It replaces ix_expediente_fecha_ingreso, whose every use (the list and its date range) it serves.
-- * ix_expediente_estado: `estado` (and estado with desde/hasta); still serves `WHERE estado = ...` alone.
-- * ix_expediente_aseguradora: `aseguradora`; still the foreign key's index.
--
-- Works on a database that already has data: the column is computed for every existing row as the table is
-- rebuilt, and the ALTER is one statement (InnoDB rebuilds once).

SET NAMES utf8mb4;

ALTER TABLE expediente
    ADD COLUMN sin_fecha_ingreso BOOLEAN AS (fecha_ingreso IS NULL) PERSISTENT AFTER fecha_actualizacion,
    DROP KEY ix_expediente_fecha_ingreso,
    ADD KEY ix_expediente_lista (sin_fecha_ingreso DESC, fecha_ingreso DESC, fecha_creacion DESC, no_siniestro),
    DROP KEY ix_expediente_estado,
    ADD KEY ix_expediente_estado (estado, sin_fecha_ingreso DESC, fecha_ingreso DESC, fecha_creacion DESC, no_siniestro),
    DROP KEY ix_expediente_aseguradora,
    ADD KEY ix_expediente_aseguradora
        (id_aseguradora, sin_fecha_ingreso DESC, fecha_ingreso DESC, fecha_creacion DESC, no_siniestro);
