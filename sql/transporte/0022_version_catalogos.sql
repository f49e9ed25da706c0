-- Transporte module: the version of each catalog whose display names the solicitud record shows (issue 16).
--
--   mariadb <database> < sql/transporte/0022_version_catalogos.sql      (after 0001-0021)
--
-- Why. GET /solicitud/:id is one statement, and MariaDB pays for every table a statement opens and locks far more
-- than for the rows it reads. Nine of its joins (seven tables) only fetched display names: Departamento,
-- TipoPrioridadSolicitud, TipoServicioSolicitud, EstadoSolicitud (Codigo, Nombre, Color, EsEstadoFinal), Lugares
-- three times (Nombre, Direccion), EstadoMision (Codigo, Nombre) and Vehiculo (Placa). Each serve process now keeps
-- those names in memory (Transporte's `CatalogoNombres`), and the record statement joins instead this table's one
-- row by primary key (a const table for the optimizer), so the names it needs and the versions they must have come
-- from the same snapshot. A version newer than the process's copy makes the request reload the catalogs that
-- changed (versions and rows in one statement) before it renders.
--
-- The contract of a version column: it changes in the same transaction as any change to what the cache holds of its
-- catalog, so every snapshot that sees a change sees a higher number:
--   * every INSERT and every DELETE of a catalog row adds one;
--   * an UPDATE adds one only when it changes the row's Id or a cached column (a byte comparison, BINARY ... <=>,
--     so a change of case or of trailing spaces counts, and NULL to a value too): the vehicle's odometer and
--     state, the audit instants or a place's coordinates change often and leave the cached names valid, so they
--     neither lock this row nor make any process reload. A soft delete changes only Eliminado: names are shown
--     for deleted rows too (the joins never filtered them), so it is not a change of the cache either;
--   * the numbers only grow (a rolled-back change rolls its increment back with it).
-- TRUNCATE fires no trigger: whoever truncates one of these tables bumps its column by hand.
--
-- Galera (ruling 9): the triggers run on the node that takes the write, and the row change they make replicates
-- with the catalog change in the same write set (row-based replication does not fire triggers again on the other
-- nodes), so every node's snapshot has a catalog change and its version together. Two catalog writes on two nodes
-- at once conflict on this row at certification, and the loser is retried as any deadlock is (T16); catalogs are
-- written rarely, by administrators. AFTER triggers, next to each table's BEFORE UPDATE audit trigger (MariaDB runs
-- several triggers per event).

SET NAMES utf8mb4;

CREATE TABLE IF NOT EXISTS VersionCatalogo (
    -- One row, Id 1. A column per catalog, named after its table.
    Id                     TINYINT NOT NULL,
    Departamento           BIGINT  NOT NULL DEFAULT 0,
    TipoPrioridadSolicitud BIGINT  NOT NULL DEFAULT 0,
    TipoServicioSolicitud  BIGINT  NOT NULL DEFAULT 0,
    EstadoSolicitud        BIGINT  NOT NULL DEFAULT 0,
    Lugares                BIGINT  NOT NULL DEFAULT 0,
    EstadoMision           BIGINT  NOT NULL DEFAULT 0,
    Vehiculo               BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (Id),
    CONSTRAINT ck_versioncatalogo_id CHECK (Id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Before the triggers, which update nothing until the row is there. A process's copy starts empty (version -1),
-- so it loads every catalog on its first record whatever these numbers are.
INSERT IGNORE INTO VersionCatalogo (Id) VALUES (1);

DELIMITER //

-- Departamento: Nombre.
CREATE TRIGGER IF NOT EXISTS trg_departamento_version_insertar AFTER INSERT ON Departamento
    FOR EACH ROW UPDATE VersionCatalogo SET Departamento = Departamento + 1 WHERE Id = 1//
CREATE TRIGGER IF NOT EXISTS trg_departamento_version_actualizar AFTER UPDATE ON Departamento
    FOR EACH ROW
BEGIN
    IF NOT (OLD.Id <=> NEW.Id
           AND BINARY OLD.Nombre <=> BINARY NEW.Nombre) THEN
        UPDATE VersionCatalogo SET Departamento = Departamento + 1 WHERE Id = 1;
    END IF;
END//
CREATE TRIGGER IF NOT EXISTS trg_departamento_version_eliminar AFTER DELETE ON Departamento
    FOR EACH ROW UPDATE VersionCatalogo SET Departamento = Departamento + 1 WHERE Id = 1//

-- TipoPrioridadSolicitud: Nombre.
CREATE TRIGGER IF NOT EXISTS trg_tipoprioridadsolicitud_version_insertar AFTER INSERT ON TipoPrioridadSolicitud
    FOR EACH ROW UPDATE VersionCatalogo SET TipoPrioridadSolicitud = TipoPrioridadSolicitud + 1 WHERE Id = 1//
CREATE TRIGGER IF NOT EXISTS trg_tipoprioridadsolicitud_version_actualizar AFTER UPDATE ON TipoPrioridadSolicitud
    FOR EACH ROW
BEGIN
    IF NOT (OLD.Id <=> NEW.Id
           AND BINARY OLD.Nombre <=> BINARY NEW.Nombre) THEN
        UPDATE VersionCatalogo SET TipoPrioridadSolicitud = TipoPrioridadSolicitud + 1 WHERE Id = 1;
    END IF;
END//
CREATE TRIGGER IF NOT EXISTS trg_tipoprioridadsolicitud_version_eliminar AFTER DELETE ON TipoPrioridadSolicitud
    FOR EACH ROW UPDATE VersionCatalogo SET TipoPrioridadSolicitud = TipoPrioridadSolicitud + 1 WHERE Id = 1//

-- TipoServicioSolicitud: Nombre.
CREATE TRIGGER IF NOT EXISTS trg_tiposerviciosolicitud_version_insertar AFTER INSERT ON TipoServicioSolicitud
    FOR EACH ROW UPDATE VersionCatalogo SET TipoServicioSolicitud = TipoServicioSolicitud + 1 WHERE Id = 1//
CREATE TRIGGER IF NOT EXISTS trg_tiposerviciosolicitud_version_actualizar AFTER UPDATE ON TipoServicioSolicitud
    FOR EACH ROW
BEGIN
    IF NOT (OLD.Id <=> NEW.Id
           AND BINARY OLD.Nombre <=> BINARY NEW.Nombre) THEN
        UPDATE VersionCatalogo SET TipoServicioSolicitud = TipoServicioSolicitud + 1 WHERE Id = 1;
    END IF;
END//
CREATE TRIGGER IF NOT EXISTS trg_tiposerviciosolicitud_version_eliminar AFTER DELETE ON TipoServicioSolicitud
    FOR EACH ROW UPDATE VersionCatalogo SET TipoServicioSolicitud = TipoServicioSolicitud + 1 WHERE Id = 1//

-- EstadoSolicitud: Codigo, Nombre, Color, EsEstadoFinal.
CREATE TRIGGER IF NOT EXISTS trg_estadosolicitud_version_insertar AFTER INSERT ON EstadoSolicitud
    FOR EACH ROW UPDATE VersionCatalogo SET EstadoSolicitud = EstadoSolicitud + 1 WHERE Id = 1//
CREATE TRIGGER IF NOT EXISTS trg_estadosolicitud_version_actualizar AFTER UPDATE ON EstadoSolicitud
    FOR EACH ROW
BEGIN
    IF NOT (OLD.Id <=> NEW.Id
           AND BINARY OLD.Codigo <=> BINARY NEW.Codigo
           AND BINARY OLD.Nombre <=> BINARY NEW.Nombre
           AND BINARY OLD.Color <=> BINARY NEW.Color
           AND OLD.EsEstadoFinal <=> NEW.EsEstadoFinal) THEN
        UPDATE VersionCatalogo SET EstadoSolicitud = EstadoSolicitud + 1 WHERE Id = 1;
    END IF;
END//
CREATE TRIGGER IF NOT EXISTS trg_estadosolicitud_version_eliminar AFTER DELETE ON EstadoSolicitud
    FOR EACH ROW UPDATE VersionCatalogo SET EstadoSolicitud = EstadoSolicitud + 1 WHERE Id = 1//

-- Lugares: Nombre, Direccion.
CREATE TRIGGER IF NOT EXISTS trg_lugares_version_insertar AFTER INSERT ON Lugares
    FOR EACH ROW UPDATE VersionCatalogo SET Lugares = Lugares + 1 WHERE Id = 1//
CREATE TRIGGER IF NOT EXISTS trg_lugares_version_actualizar AFTER UPDATE ON Lugares
    FOR EACH ROW
BEGIN
    IF NOT (OLD.Id <=> NEW.Id
           AND BINARY OLD.Nombre <=> BINARY NEW.Nombre
           AND BINARY OLD.Direccion <=> BINARY NEW.Direccion) THEN
        UPDATE VersionCatalogo SET Lugares = Lugares + 1 WHERE Id = 1;
    END IF;
END//
CREATE TRIGGER IF NOT EXISTS trg_lugares_version_eliminar AFTER DELETE ON Lugares
    FOR EACH ROW UPDATE VersionCatalogo SET Lugares = Lugares + 1 WHERE Id = 1//

-- EstadoMision: Codigo, Nombre.
CREATE TRIGGER IF NOT EXISTS trg_estadomision_version_insertar AFTER INSERT ON EstadoMision
    FOR EACH ROW UPDATE VersionCatalogo SET EstadoMision = EstadoMision + 1 WHERE Id = 1//
CREATE TRIGGER IF NOT EXISTS trg_estadomision_version_actualizar AFTER UPDATE ON EstadoMision
    FOR EACH ROW
BEGIN
    IF NOT (OLD.Id <=> NEW.Id
           AND BINARY OLD.Codigo <=> BINARY NEW.Codigo
           AND BINARY OLD.Nombre <=> BINARY NEW.Nombre) THEN
        UPDATE VersionCatalogo SET EstadoMision = EstadoMision + 1 WHERE Id = 1;
    END IF;
END//
CREATE TRIGGER IF NOT EXISTS trg_estadomision_version_eliminar AFTER DELETE ON EstadoMision
    FOR EACH ROW UPDATE VersionCatalogo SET EstadoMision = EstadoMision + 1 WHERE Id = 1//

-- Vehiculo: Placa.
CREATE TRIGGER IF NOT EXISTS trg_vehiculo_version_insertar AFTER INSERT ON Vehiculo
    FOR EACH ROW UPDATE VersionCatalogo SET Vehiculo = Vehiculo + 1 WHERE Id = 1//
CREATE TRIGGER IF NOT EXISTS trg_vehiculo_version_actualizar AFTER UPDATE ON Vehiculo
    FOR EACH ROW
BEGIN
    IF NOT (OLD.Id <=> NEW.Id
           AND BINARY OLD.Placa <=> BINARY NEW.Placa) THEN
        UPDATE VersionCatalogo SET Vehiculo = Vehiculo + 1 WHERE Id = 1;
    END IF;
END//
CREATE TRIGGER IF NOT EXISTS trg_vehiculo_version_eliminar AFTER DELETE ON Vehiculo
    FOR EACH ROW UPDATE VersionCatalogo SET Vehiculo = Vehiculo + 1 WHERE Id = 1//

DELIMITER ;
