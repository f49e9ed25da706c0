-- Transporte module: the 12 catalog tables (transporte.md §3.1, §10; rulings 3, 5, T3, T4).
--
-- Apply with the mariadb CLI to the Transporte database (the file neither creates nor selects a database):
--   mariadb <database> < sql/transporte/0001_catalogos.sql
-- Re-running is harmless (IF NOT EXISTS everywhere), but it does not alter tables that already exist.
--
-- Conventions for every Transporte table (0001-0003):
-- * Table and column names are the original's, in PascalCase (§3.1, §10), because the API returns records
--   with the column names as keys (§1.1, ruling T1). Constraint and index names are ours (snake_case).
-- * InnoDB, utf8mb4 / utf8mb4_unicode_ci, set per table so the result does not depend on server defaults.
-- * Audit columns (§1.5): Id INT AUTO_INCREMENT PK, Eliminado BOOLEAN, FechaHoraCreacion,
--   FechaHoraActualizacion, FechaHoraEliminacion. Instants are DATETIME(3) holding UTC (ruling 3):
--   DATETIME so the stored value never depends on the session time_zone, (3) for stable ordering of rows
--   written within one second. Defaults use UTC_TIMESTAMP(3), which ignores the session time zone. The API
--   renders them in America/El_Salvador as "YYYY-MM-DDTHH:MM:SS" (ruling T7); that is the application's job.
--   An INSERT may pass FechaHoraCreacion/FechaHoraActualizacion explicitly (the solicitud creation does, so
--   that its code month and its creation instant come from the same clock reading, see 0005).
-- * A BEFORE UPDATE trigger per table keeps the audit columns honest whatever the UPDATE says:
--   FechaHoraActualizacion = now (UTC); FechaHoraEliminacion = now when the row goes Eliminado 0 -> 1,
--   NULL when it goes back to 0 (reactivation, §1.5), unchanged otherwise. The application may still set
--   them; the trigger wins. It is a single SET statement, so these files need no DELIMITER.
--   Consequence for idempotent data scripts: a no-op "ON DUPLICATE KEY UPDATE Id = Id" would fire the trigger
--   and bump FechaHoraActualizacion, so 0004 and the seed use INSERT ... SELECT ... WHERE NOT EXISTS.
-- * CHECK (Eliminado = 0) = (FechaHoraEliminacion IS NULL): a live row has no deletion instant and a
--   deleted row has one. With the trigger above an UPDATE cannot break it; an INSERT of a deleted row must
--   give both.
-- * Booleans are BOOLEAN (TINYINT(1)) with CHECK (col IN (0,1)), so a row always renders as JSON true/false.
--
-- Uniqueness "among active rows" (§1.5, §10). The original checks uniqueness against non-deleted rows only,
-- and a create that hits a *deleted* row with the same key reactivates that row. MariaDB has no filtered
-- (partial) unique index, so each such key gets a generated column
--     <Col>Activo = IF(Eliminado = 0, <Col>, NULL)      PERSISTENT INVISIBLE
-- with a UNIQUE index on it. A deleted row's generated value is NULL, and NULLs never collide in a UNIQUE
-- index, so any number of deleted rows may share a code with each other and with one live row; two live rows
-- cannot. Both ways of "creating over a deleted row" therefore work: reactivating the deleted row (the
-- original's way: UPDATE ... SET Eliminado = 0, ...) or inserting a fresh one. A collision among live rows
-- is error 1062 (ER_DUP_ENTRY) naming the index (uq_<tabla>_<columna>_activo), which the application maps to
-- 409 "Ya existe un ... con el código 'X'" if its own pre-check lost a race.
-- The columns are PERSISTENT (stored) rather than VIRTUAL: indexed virtual columns have a history of InnoDB
-- purge/crash bugs, and the extra bytes are negligible. They are INVISIBLE, so SELECT * returns exactly the
-- original's columns; they can still be named explicitly (the procedures use them for index lookups).
--
-- Collations of codes. Codigo columns are utf8mb4_bin: codes are machine identifiers (the procedures
-- look estados up by Codigo, §4.1) and are stored upper-case without whitespace, which a CHECK enforces
-- with a binary comparison. Binary comparison makes uniqueness exact (under utf8mb4_unicode_ci 'CAMION' and
-- 'CAMIÓN' would collide, and 'X' = 'X ' by PAD SPACE). The price: equality and LIKE on Codigo are
-- case-sensitive, so the application upper-cases a `codigo` filter and the code arm of `busqueda` (§1.4)
-- before binding it (or writes `Codigo LIKE ? COLLATE utf8mb4_unicode_ci`).
-- Names (Nombre) are utf8mb4_unicode_ci: a display name that differs only in case or accents ('Media' vs
-- 'media') is the same name, so the unique index treats it as a duplicate, and filters are case-insensitive.
--
-- Lengths are those of the original's request models (§10, §3.1). A longer value is error 1406 in strict
-- mode, so the application validates lengths first and answers 400 naming the field (ruling 1, T2).
-- Foreign keys into the catalogs are RESTRICT: catalogs are soft-deleted, never hard-deleted by the API, and
-- the delete guards of §10 (409) are the application's; a hard DELETE of a referenced row fails with 1451.

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------------------------------
-- Estados of a solicitud (§4.1). The reference rows (Ids 1-6) are in 0004. States are always looked up by
-- Codigo (never by Id), also by cambiar_estado_solicitud (0006).
CREATE TABLE IF NOT EXISTS EstadoSolicitud (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    Codigo                 VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Nombre                 VARCHAR(100) NOT NULL,
    Descripcion            VARCHAR(250) NULL,
    -- '#FFA500', 'rojo', ...: free text (§10), shown by front ends.
    Color                  VARCHAR(20)  NULL,
    EsEstadoFinal          BOOLEAN      NOT NULL DEFAULT 0,
    -- Display order in the flow; unique among active rows (§10).
    Orden                  INT          NOT NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    CodigoActivo VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(Eliminado = 0, Codigo, NULL)) PERSISTENT INVISIBLE,
    NombreActivo VARCHAR(100) AS (IF(Eliminado = 0, Nombre, NULL)) PERSISTENT INVISIBLE,
    OrdenActivo  INT          AS (IF(Eliminado = 0, Orden,  NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_estadosolicitud_codigo_activo (CodigoActivo),
    UNIQUE KEY uq_estadosolicitud_nombre_activo (NombreActivo),
    UNIQUE KEY uq_estadosolicitud_orden_activo  (OrdenActivo),
    -- Lookups that include deleted rows (reactivation: "is there a deleted row with this code?").
    KEY ix_estadosolicitud_codigo (Codigo),
    CONSTRAINT ck_estadosolicitud_codigo
        CHECK (Codigo <> '' AND Codigo = UPPER(Codigo) AND Codigo NOT REGEXP '[[:space:]]'),
    CONSTRAINT ck_estadosolicitud_nombre CHECK (Nombre <> ''),
    CONSTRAINT ck_estadosolicitud_orden CHECK (Orden >= 0),
    CONSTRAINT ck_estadosolicitud_final CHECK (EsEstadoFinal IN (0, 1)),
    CONSTRAINT ck_estadosolicitud_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_estadosolicitud_auditoria
    BEFORE UPDATE ON EstadoSolicitud
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- Estados of a misión (§4.3). Reference rows in 0004. No color/order/final flag in the original.
CREATE TABLE IF NOT EXISTS EstadoMision (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    Codigo                 VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Nombre                 VARCHAR(100) NOT NULL,
    Descripcion            VARCHAR(250) NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    CodigoActivo VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(Eliminado = 0, Codigo, NULL)) PERSISTENT INVISIBLE,
    NombreActivo VARCHAR(100) AS (IF(Eliminado = 0, Nombre, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_estadomision_codigo_activo (CodigoActivo),
    UNIQUE KEY uq_estadomision_nombre_activo (NombreActivo),
    KEY ix_estadomision_codigo (Codigo),
    CONSTRAINT ck_estadomision_codigo
        CHECK (Codigo <> '' AND Codigo = UPPER(Codigo) AND Codigo NOT REGEXP '[[:space:]]'),
    CONSTRAINT ck_estadomision_nombre CHECK (Nombre <> ''),
    CONSTRAINT ck_estadomision_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_estadomision_auditoria
    BEFORE UPDATE ON EstadoMision
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- Estados of a vehículo. PermiteAsignacion: a vehicle in this state may be assigned to missions.
CREATE TABLE IF NOT EXISTS EstadoVehiculo (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    Codigo                 VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Nombre                 VARCHAR(100) NOT NULL,
    Descripcion            VARCHAR(250) NULL,
    PermiteAsignacion      BOOLEAN      NOT NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    CodigoActivo VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(Eliminado = 0, Codigo, NULL)) PERSISTENT INVISIBLE,
    NombreActivo VARCHAR(100) AS (IF(Eliminado = 0, Nombre, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_estadovehiculo_codigo_activo (CodigoActivo),
    UNIQUE KEY uq_estadovehiculo_nombre_activo (NombreActivo),
    KEY ix_estadovehiculo_codigo (Codigo),
    CONSTRAINT ck_estadovehiculo_codigo
        CHECK (Codigo <> '' AND Codigo = UPPER(Codigo) AND Codigo NOT REGEXP '[[:space:]]'),
    CONSTRAINT ck_estadovehiculo_nombre CHECK (Nombre <> ''),
    CONSTRAINT ck_estadovehiculo_permite CHECK (PermiteAsignacion IN (0, 1)),
    CONSTRAINT ck_estadovehiculo_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_estadovehiculo_auditoria
    BEFORE UPDATE ON EstadoVehiculo
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS ClaseVehiculo (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    Codigo                 VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Nombre                 VARCHAR(100) NOT NULL,
    Descripcion            VARCHAR(250) NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    CodigoActivo VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(Eliminado = 0, Codigo, NULL)) PERSISTENT INVISIBLE,
    NombreActivo VARCHAR(100) AS (IF(Eliminado = 0, Nombre, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_clasevehiculo_codigo_activo (CodigoActivo),
    UNIQUE KEY uq_clasevehiculo_nombre_activo (NombreActivo),
    KEY ix_clasevehiculo_codigo (Codigo),
    CONSTRAINT ck_clasevehiculo_codigo
        CHECK (Codigo <> '' AND Codigo = UPPER(Codigo) AND Codigo NOT REGEXP '[[:space:]]'),
    CONSTRAINT ck_clasevehiculo_nombre CHECK (Nombre <> ''),
    CONSTRAINT ck_clasevehiculo_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_clasevehiculo_auditoria
    BEFORE UPDATE ON ClaseVehiculo
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS TipoCombustible (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    Codigo                 VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Nombre                 VARCHAR(100) NOT NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    CodigoActivo VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(Eliminado = 0, Codigo, NULL)) PERSISTENT INVISIBLE,
    NombreActivo VARCHAR(100) AS (IF(Eliminado = 0, Nombre, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_tipocombustible_codigo_activo (CodigoActivo),
    UNIQUE KEY uq_tipocombustible_nombre_activo (NombreActivo),
    KEY ix_tipocombustible_codigo (Codigo),
    CONSTRAINT ck_tipocombustible_codigo
        CHECK (Codigo <> '' AND Codigo = UPPER(Codigo) AND Codigo NOT REGEXP '[[:space:]]'),
    CONSTRAINT ck_tipocombustible_nombre CHECK (Nombre <> ''),
    CONSTRAINT ck_tipocombustible_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_tipocombustible_auditoria
    BEFORE UPDATE ON TipoCombustible
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- Driver availability (used by DetallePerfilMotorista, 0002). Nombre is 20 characters in the original.
CREATE TABLE IF NOT EXISTS TipoDisponibilidad (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    Codigo                 VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Nombre                 VARCHAR(20)  NOT NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    CodigoActivo VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(Eliminado = 0, Codigo, NULL)) PERSISTENT INVISIBLE,
    NombreActivo VARCHAR(20) AS (IF(Eliminado = 0, Nombre, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_tipodisponibilidad_codigo_activo (CodigoActivo),
    UNIQUE KEY uq_tipodisponibilidad_nombre_activo (NombreActivo),
    KEY ix_tipodisponibilidad_codigo (Codigo),
    CONSTRAINT ck_tipodisponibilidad_codigo
        CHECK (Codigo <> '' AND Codigo = UPPER(Codigo) AND Codigo NOT REGEXP '[[:space:]]'),
    CONSTRAINT ck_tipodisponibilidad_nombre CHECK (Nombre <> ''),
    CONSTRAINT ck_tipodisponibilidad_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_tipodisponibilidad_auditoria
    BEFORE UPDATE ON TipoDisponibilidad
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- Driving licence types. Nombre is 20 characters in the original.
CREATE TABLE IF NOT EXISTS TipoLicencia (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    Codigo                 VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Nombre                 VARCHAR(20)  NOT NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    CodigoActivo VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(Eliminado = 0, Codigo, NULL)) PERSISTENT INVISIBLE,
    NombreActivo VARCHAR(20) AS (IF(Eliminado = 0, Nombre, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_tipolicencia_codigo_activo (CodigoActivo),
    UNIQUE KEY uq_tipolicencia_nombre_activo (NombreActivo),
    KEY ix_tipolicencia_codigo (Codigo),
    CONSTRAINT ck_tipolicencia_codigo
        CHECK (Codigo <> '' AND Codigo = UPPER(Codigo) AND Codigo NOT REGEXP '[[:space:]]'),
    CONSTRAINT ck_tipolicencia_nombre CHECK (Nombre <> ''),
    CONSTRAINT ck_tipolicencia_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_tipolicencia_auditoria
    BEFORE UPDATE ON TipoLicencia
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- Priority of a solicitud. No code in the original: Nombre (20) is the unique key (§3.1, §10).
CREATE TABLE IF NOT EXISTS TipoPrioridadSolicitud (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    Nombre                 VARCHAR(20)  NOT NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    NombreActivo VARCHAR(20) AS (IF(Eliminado = 0, Nombre, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_tipoprioridadsolicitud_nombre_activo (NombreActivo),
    KEY ix_tipoprioridadsolicitud_nombre (Nombre),
    CONSTRAINT ck_tipoprioridadsolicitud_nombre CHECK (Nombre <> ''),
    CONSTRAINT ck_tipoprioridadsolicitud_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_tipoprioridadsolicitud_auditoria
    BEFORE UPDATE ON TipoPrioridadSolicitud
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- Service type of a solicitud. No code in the original: Nombre (50) is the unique key (§3.1, §10).
CREATE TABLE IF NOT EXISTS TipoServicioSolicitud (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    Nombre                 VARCHAR(50)  NOT NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    NombreActivo VARCHAR(50) AS (IF(Eliminado = 0, Nombre, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_tiposerviciosolicitud_nombre_activo (NombreActivo),
    KEY ix_tiposerviciosolicitud_nombre (Nombre),
    CONSTRAINT ck_tiposerviciosolicitud_nombre CHECK (Nombre <> ''),
    CONSTRAINT ck_tiposerviciosolicitud_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_tiposerviciosolicitud_auditoria
    BEFORE UPDATE ON TipoServicioSolicitud
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- Places (plural table name as in the original, §11.15; API path /lugar). Codigo is optional and unique
-- among active rows when given: NULL codes never collide, so any number of places may have none.
CREATE TABLE IF NOT EXISTS Lugares (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    Codigo                 VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    Nombre                 VARCHAR(250) NOT NULL,
    Direccion              VARCHAR(500) NULL,
    -- DOUBLE rather than DECIMAL: the API takes and returns JSON numbers (floats in the original), and a
    -- DOUBLE round-trips them exactly, where DECIMAL(9,6) would round extra digits silently (ruling 5).
    Latitud                DOUBLE       NULL,
    Longitud               DOUBLE       NULL,
    -- 'OFICINA', 'TRIBUNAL', ...: stored upper-case (§3.1); the list filter is an exact match.
    TipoLugar              VARCHAR(50)  NULL,
    EsPuntoFrecuente       BOOLEAN      NULL,
    Referencia             VARCHAR(500) NULL,
    TelefonoContacto       VARCHAR(20)  NULL,
    Observaciones          TEXT         NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    CodigoActivo VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(Eliminado = 0, Codigo, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_lugares_codigo_activo (CodigoActivo),
    KEY ix_lugares_codigo (Codigo),
    -- Default list order (§10: Nombre).
    KEY ix_lugares_nombre (Nombre),
    CONSTRAINT ck_lugares_codigo
        CHECK (Codigo IS NULL OR (Codigo <> '' AND Codigo = UPPER(Codigo) AND Codigo NOT REGEXP '[[:space:]]')),
    CONSTRAINT ck_lugares_nombre CHECK (Nombre <> ''),
    CONSTRAINT ck_lugares_latitud CHECK (Latitud BETWEEN -90 AND 90),
    CONSTRAINT ck_lugares_longitud CHECK (Longitud BETWEEN -180 AND 180),
    CONSTRAINT ck_lugares_tipo CHECK (TipoLugar = UPPER(TipoLugar) COLLATE utf8mb4_bin),
    CONSTRAINT ck_lugares_frecuente CHECK (EsPuntoFrecuente IN (0, 1)),
    CONSTRAINT ck_lugares_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_lugares_auditoria
    BEFORE UPDATE ON Lugares
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- Roles (T5): ADMIN, SOLICITANTE, APROBADOR, MOTORISTA are reference rows (0004), assigned through
-- PerfilRol (0002). The application checks roles by Codigo.
CREATE TABLE IF NOT EXISTS Rol (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    Codigo                 VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Nombre                 VARCHAR(100) NOT NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    CodigoActivo VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(Eliminado = 0, Codigo, NULL)) PERSISTENT INVISIBLE,
    NombreActivo VARCHAR(100) AS (IF(Eliminado = 0, Nombre, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_rol_codigo_activo (CodigoActivo),
    UNIQUE KEY uq_rol_nombre_activo (NombreActivo),
    KEY ix_rol_codigo (Codigo),
    CONSTRAINT ck_rol_codigo
        CHECK (Codigo <> '' AND Codigo = UPPER(Codigo) AND Codigo NOT REGEXP '[[:space:]]'),
    CONSTRAINT ck_rol_nombre CHECK (Nombre <> ''),
    CONSTRAINT ck_rol_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_rol_auditoria
    BEFORE UPDATE ON Rol
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- Departments, hierarchical. Codigo (20) is the only unique key (§10); names may repeat.
-- DepartamentoPadreId: self-reference. The database only guarantees that the parent row exists; "exists and
-- is not deleted" (400) and "no cycles" (400 "... crearía una referencia circular") are checked by the
-- application, which reads the ancestor chain under a lock (a department being its own parent is the
-- shortest cycle; MariaDB refuses a CHECK on an AUTO_INCREMENT column, error 1901, so it cannot live here).
-- IdPerfilJefe: the boss's Perfil. Its foreign key is added by 0002, once Perfil exists (Perfil in turn
-- references Departamento). NombreJefe/EmailJefe/TelefonoJefe are free text as in the original, not derived.
CREATE TABLE IF NOT EXISTS Departamento (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    Codigo                 VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Nombre                 VARCHAR(250) NOT NULL,
    IdPerfilJefe           INT          NULL,
    NombreJefe             VARCHAR(250) NULL,
    EmailJefe              VARCHAR(250) NULL,
    TelefonoJefe           VARCHAR(20)  NULL,
    UbicacionFisica        VARCHAR(500) NULL,
    NivelJerarquico        INT          NULL,
    DepartamentoPadreId    INT          NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    CodigoActivo VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(Eliminado = 0, Codigo, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_departamento_codigo_activo (CodigoActivo),
    KEY ix_departamento_codigo (Codigo),
    -- Default list order (§10: NivelJerarquico, Nombre).
    KEY ix_departamento_nivel_nombre (NivelJerarquico, Nombre),
    -- Sub-departments of a department (delete guard, cycle check); also the FK index.
    KEY ix_departamento_padre (DepartamentoPadreId),
    KEY ix_departamento_jefe (IdPerfilJefe),
    CONSTRAINT ck_departamento_codigo
        CHECK (Codigo <> '' AND Codigo = UPPER(Codigo) AND Codigo NOT REGEXP '[[:space:]]'),
    CONSTRAINT ck_departamento_nombre CHECK (Nombre <> ''),
    CONSTRAINT ck_departamento_nivel CHECK (NivelJerarquico >= 0),
    CONSTRAINT ck_departamento_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL)),
    CONSTRAINT fk_departamento_padre FOREIGN KEY (DepartamentoPadreId)
        REFERENCES Departamento (Id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_departamento_auditoria
    BEFORE UPDATE ON Departamento
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;
