-- Transporte module: solicitudes, their stops, their state history and the code counter
-- (transporte.md §3.1, §3.2, §5, §6, §7; seed 002; rulings T3, T4, T8).
--
--   mariadb <database> < sql/transporte/0003_solicitudes.sql      (after 0001, 0002)
--
-- Conventions (audit columns, "unique among active rows" through INVISIBLE generated columns, collations)
-- are those of 0001; see its header. This file has BEGIN ... END triggers, hence DELIMITER.
--
-- Who writes what (T3, T4):
-- * Solicitud.CodigoSolicitud comes from siguiente_codigo_solicitud (0005), inside the creating transaction.
--   It never changes afterwards (a trigger refuses).
-- * Solicitud.IdEstadoActual and every HistoricoEstadoSolicitud row are written by cambiar_estado_solicitud
--   (0006) and by nothing else. Triggers below enforce it: an INSERT of a Solicitud must leave
--   IdEstadoActual NULL, and changing it, or inserting a history row, is refused unless the procedure has
--   marked the solicitud in the session variable @transporte_cambio_estado_solicitud (it sets it just
--   before its two writes and clears it right after, also on error). This is a guard against a second code
--   path creeping in (a PUT that "also fixes the state"), not a security boundary: any session can set a
--   user variable.
--
-- Creating a solicitud (POST /solicitud), all in ONE transaction of the application:
--   START TRANSACTION;
--   -- validate everything that can be validated first (400/422), so the counter lock is held briefly
--   CALL siguiente_codigo_solicitud(?anio, ?mes, @codigo);          -- 0005; anio/mes: see there
--   INSERT INTO Solicitud (CodigoSolicitud, ..., FechaHoraCreacion, FechaHoraActualizacion)
--        VALUES (@codigo, ..., ?instante_utc, ?instante_utc);       -- IdEstadoActual stays NULL
--   INSERT INTO DetalleLugarSolicitud (...) VALUES (...), ...;
--   CALL cambiar_estado_solicitud(<new Id>, 'PENDIENTE_APROBACION', NULL);   -- 0006: 'Solicitud creada'
--   INSERT INTO <outbox> ...;                                        -- T6, shared core
--   COMMIT;                      -- on any error: ROLLBACK (the correlative number is given back, T3)

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------------------------------
-- Code counter per (year, month) of the creation date in America/El_Salvador (T3, §5 option 2).
-- Ultimo = the last number handed out for that month; the next solicitud gets Ultimo + 1. The increment
-- happens in the creating transaction, so a rollback gives the number back and committed codes have no
-- gaps. See 0005 for the locking.
-- The row (Anio 0, Mes 0) is not a month: it is the lock row ("cerrojo") that every creation locks first,
-- so that the first creation of a new month inserts that month's row without a concurrent inserter (two
-- transactions inserting the same new key can deadlock in InnoDB when the first one rolls back). It is
-- created here and must not be deleted; its Ultimo stays 0.
CREATE TABLE IF NOT EXISTS CorrelativoSolicitud (
    Anio   SMALLINT NOT NULL,
    Mes    TINYINT  NOT NULL,
    Ultimo INT      NOT NULL DEFAULT 0,
    PRIMARY KEY (Anio, Mes),
    CONSTRAINT ck_correlativo_periodo
        CHECK ((Anio = 0 AND Mes = 0) OR (Anio BETWEEN 2000 AND 9999 AND Mes BETWEEN 1 AND 12)),
    CONSTRAINT ck_correlativo_ultimo CHECK (Ultimo >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO CorrelativoSolicitud (Anio, Mes, Ultimo)
SELECT 0, 0, 0 FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM CorrelativoSolicitud WHERE Anio = 0 AND Mes = 0);

-- ---------------------------------------------------------------------------------------------------
-- A transport request. Columns: seed 002's request fields and §3.1. The API record (§3.2) adds names,
-- e-mails and the current state's code/name/color by joins.
CREATE TABLE IF NOT EXISTS Solicitud (
    Id                        INT          NOT NULL AUTO_INCREMENT,
    -- 'SOL-2026-03-00000042' (20 characters; 25 leaves room should a month ever pass 99,999,999).
    -- utf8mb4_bin like the catalog codes: the application upper-cases a `busqueda` term for this column.
    CodigoSolicitud           VARCHAR(25)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- Perfil ids, not Usuario ids (seed 002, T8).
    IdUsuarioSolicitante      INT          NOT NULL,
    IdDepartamentoSolicitante INT          NOT NULL,
    IdUsuarioAprobador        INT          NOT NULL,
    IdTipoPrioridadSolicitud  INT          NOT NULL,
    IdTipoServicioSolicitud   INT          NOT NULL,
    -- 5-250 characters after trimming (seed 002); the application trims and answers 400 otherwise.
    Asunto                    VARCHAR(250) NOT NULL,
    Descripcion               TEXT         NULL,
    Justificacion             TEXT         NULL,
    CantidadPasajeros         INT          NOT NULL,
    -- Free text ("Juan Pérez, María López, ..."), not a list.
    NombresPasajeros          TEXT         NULL,
    -- A calendar day and a wall-clock time in America/El_Salvador, as sent ("2026-04-15", "08:00").
    FechaServicioRequerido    DATE         NOT NULL,
    HoraServicioRequerido     TIME         NOT NULL,
    Observaciones             TEXT         NULL,
    -- Cache of the current state (§3.1 allows it): the estado of the newest active history row. Written
    -- only by cambiar_estado_solicitud (triggers below). NULL only inside the creating transaction, between
    -- the INSERT and the procedure's first call; never NULL once committed.
    IdEstadoActual            INT          NULL,
    Eliminado                 BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion         DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion    DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion      DATETIME(3)  NULL,
    PRIMARY KEY (Id),
    -- Unique over all rows, deleted ones included: a code is never reused (T3).
    UNIQUE KEY uq_solicitud_codigo (CodigoSolicitud),
    -- GET /solicitud: active rows, newest first (§7.2).
    KEY ix_solicitud_lista (Eliminado, FechaHoraCreacion, Id),
    -- Filters codigoEstado / idEstadoSolicitud; delete guards of the catalogs. Also the FK indexes.
    KEY ix_solicitud_estado (IdEstadoActual, Eliminado),
    KEY ix_solicitud_solicitante (IdUsuarioSolicitante, Eliminado),
    KEY ix_solicitud_aprobador (IdUsuarioAprobador, Eliminado),
    KEY ix_solicitud_departamento (IdDepartamentoSolicitante, Eliminado),
    KEY ix_solicitud_prioridad (IdTipoPrioridadSolicitud),
    KEY ix_solicitud_servicio (IdTipoServicioSolicitud),
    -- fechaDesde / fechaHasta filters.
    KEY ix_solicitud_fecha_servicio (FechaServicioRequerido),
    CONSTRAINT ck_solicitud_codigo CHECK (CodigoSolicitud REGEXP '^SOL-[0-9]{4}-[0-9]{2}-[0-9]{8,}$'),
    -- The application answers 400 "El solicitante y el aprobador no pueden ser la misma persona" first.
    CONSTRAINT ck_solicitud_aprobador CHECK (IdUsuarioAprobador <> IdUsuarioSolicitante),
    CONSTRAINT ck_solicitud_asunto CHECK (CHAR_LENGTH(Asunto) >= 5),
    CONSTRAINT ck_solicitud_pasajeros CHECK (CantidadPasajeros >= 0),
    CONSTRAINT ck_solicitud_hora CHECK (HoraServicioRequerido BETWEEN '00:00:00' AND '23:59:59'),
    CONSTRAINT ck_solicitud_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL)),
    CONSTRAINT fk_solicitud_solicitante FOREIGN KEY (IdUsuarioSolicitante)
        REFERENCES Perfil (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_solicitud_departamento FOREIGN KEY (IdDepartamentoSolicitante)
        REFERENCES Departamento (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_solicitud_aprobador FOREIGN KEY (IdUsuarioAprobador)
        REFERENCES Perfil (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_solicitud_prioridad FOREIGN KEY (IdTipoPrioridadSolicitud)
        REFERENCES TipoPrioridadSolicitud (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_solicitud_servicio FOREIGN KEY (IdTipoServicioSolicitud)
        REFERENCES TipoServicioSolicitud (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_solicitud_estado FOREIGN KEY (IdEstadoActual)
        REFERENCES EstadoSolicitud (Id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
-- The stops of a solicitud (seed 002 `lugares`). The API lists them by Orden.
-- Among the active stops of one solicitud: Orden is unique and at most one is the origin (the generated
-- columns below; NULL for deleted rows and for non-origins, so those never collide). "Consecutive from 0"
-- and "exactly one origin" are checked by the application (422) before writing; these keys are the
-- backstop. A PUT that replaces the stops soft-deletes (or deletes) the old ones before inserting the new.
CREATE TABLE IF NOT EXISTS DetalleLugarSolicitud (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    IdSolicitud            INT          NOT NULL,
    IdLugar                INT          NOT NULL,
    EsOrigen               BOOLEAN      NOT NULL DEFAULT 0,
    Orden                  INT          NOT NULL,
    -- Length not documented; 500 as the other free-text descriptions of the module. Validated by the app.
    Descripcion            VARCHAR(500) NULL,
    HoraEstimadaLlegada    TIME         NULL,
    RequiereRetorno        BOOLEAN      NOT NULL DEFAULT 0,
    HoraEstimadaRetorno    TIME         NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    OrdenActivo  INT     AS (IF(Eliminado = 0, Orden, NULL)) PERSISTENT INVISIBLE,
    OrigenActivo TINYINT AS (IF(Eliminado = 0 AND EsOrigen = 1, 1, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    -- The stops of one solicitud in Orden (GET /solicitud/{id}); also the FK index.
    UNIQUE KEY uq_detallelugar_orden_activo (IdSolicitud, OrdenActivo),
    UNIQUE KEY uq_detallelugar_origen_activo (IdSolicitud, OrigenActivo),
    KEY ix_detallelugar_solicitud (IdSolicitud, Eliminado, Orden),
    KEY ix_detallelugar_lugar (IdLugar),
    CONSTRAINT ck_detallelugar_orden CHECK (Orden >= 0),
    CONSTRAINT ck_detallelugar_origen CHECK (EsOrigen IN (0, 1)),
    CONSTRAINT ck_detallelugar_retorno CHECK (RequiereRetorno IN (0, 1)),
    -- Seed 002: "Origin location cannot require return".
    CONSTRAINT ck_detallelugar_origen_sin_retorno CHECK (NOT (EsOrigen = 1 AND RequiereRetorno = 1)),
    -- Seed 002: "If requiereRetorno=true, horaEstimadaRetorno is mandatory".
    CONSTRAINT ck_detallelugar_hora_retorno CHECK (RequiereRetorno = 0 OR HoraEstimadaRetorno IS NOT NULL),
    CONSTRAINT ck_detallelugar_horas CHECK (HoraEstimadaLlegada BETWEEN '00:00:00' AND '23:59:59'
                                        AND HoraEstimadaRetorno BETWEEN '00:00:00' AND '23:59:59'),
    CONSTRAINT ck_detallelugar_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL)),
    CONSTRAINT fk_detallelugar_solicitud FOREIGN KEY (IdSolicitud)
        REFERENCES Solicitud (Id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_detallelugar_lugar FOREIGN KEY (IdLugar)
        REFERENCES Lugares (Id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_detallelugar_auditoria
    BEFORE UPDATE ON DetalleLugarSolicitud
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- State history (§6, T4): one row per state change, creation included. Append-only: rows are inserted by
-- cambiar_estado_solicitud and afterwards only soft-deleted together with their solicitud (§7.5).
-- FechaHoraCreacion is the instant of the change (UTC). Order: FechaHoraCreacion, then Id. Both grow with
-- every change of one solicitud, because the procedure serialises the changes of a solicitud on its row lock.
CREATE TABLE IF NOT EXISTS HistoricoEstadoSolicitud (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    IdSolicitud            INT          NOT NULL,
    IdEstadoSolicitud      INT          NOT NULL,
    -- The reason (§6): 'Solicitud creada', 'Solicitud aprobada' or the motivo sent, ...
    MotivoEstadoSolicitud  TEXT         NOT NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    PRIMARY KEY (Id),
    -- GET /solicitud/{id}/historico (oldest first) and "current state" (newest active row: ORDER BY
    -- FechaHoraCreacion DESC, Id DESC LIMIT 1) of one solicitud. Also the FK index.
    KEY ix_historico_solicitud (IdSolicitud, FechaHoraCreacion, Id),
    -- EstadoSolicitud delete guard (§6: "used by an active history row of an active solicitud").
    KEY ix_historico_estado (IdEstadoSolicitud, IdSolicitud),
    CONSTRAINT ck_historico_motivo CHECK (MotivoEstadoSolicitud <> ''),
    CONSTRAINT ck_historico_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL)),
    CONSTRAINT fk_historico_solicitud FOREIGN KEY (IdSolicitud)
        REFERENCES Solicitud (Id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_historico_estado FOREIGN KEY (IdEstadoSolicitud)
        REFERENCES EstadoSolicitud (Id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
-- Guards (T3, T4). SQLSTATE HY000: these are programming errors of the application (500), never answers
-- to a client's request.

DELIMITER //

CREATE TRIGGER IF NOT EXISTS trg_solicitud_insertar
    BEFORE INSERT ON Solicitud
    FOR EACH ROW
BEGIN
    IF NEW.IdEstadoActual IS NOT NULL THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'Solicitud se inserta con IdEstadoActual NULL; el estado inicial lo asigna cambiar_estado_solicitud';
    END IF;
END//

CREATE TRIGGER IF NOT EXISTS trg_solicitud_auditoria
    BEFORE UPDATE ON Solicitud
    FOR EACH ROW
BEGIN
    IF NOT (NEW.CodigoSolicitud <=> OLD.CodigoSolicitud) THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = 'CodigoSolicitud no se puede modificar';
    END IF;
    IF NOT (NEW.IdEstadoActual <=> OLD.IdEstadoActual)
       AND NOT (@transporte_cambio_estado_solicitud <=> OLD.Id) THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'Solicitud.IdEstadoActual solo lo modifica cambiar_estado_solicitud';
    END IF;
    -- The first state (NULL -> PENDIENTE_APROBACION) is part of the creation: it keeps the creation's
    -- FechaHoraActualizacion (= FechaHoraCreacion, as seed 002 shows). Every later update bumps it.
    SET NEW.FechaHoraActualizacion = IF(OLD.IdEstadoActual IS NULL AND NEW.IdEstadoActual IS NOT NULL,
                                        NEW.FechaHoraActualizacion, UTC_TIMESTAMP(3)),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;
END//

CREATE TRIGGER IF NOT EXISTS trg_historico_insertar
    BEFORE INSERT ON HistoricoEstadoSolicitud
    FOR EACH ROW
BEGIN
    IF NOT (@transporte_cambio_estado_solicitud <=> NEW.IdSolicitud) THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'HistoricoEstadoSolicitud solo lo escribe cambiar_estado_solicitud';
    END IF;
END//

CREATE TRIGGER IF NOT EXISTS trg_historico_auditoria
    BEFORE UPDATE ON HistoricoEstadoSolicitud
    FOR EACH ROW
BEGIN
    -- Only Eliminado (and the audit columns with it) may change.
    IF NOT (NEW.IdSolicitud <=> OLD.IdSolicitud)
       OR NOT (NEW.IdEstadoSolicitud <=> OLD.IdEstadoSolicitud)
       OR NOT (NEW.MotivoEstadoSolicitud <=> OLD.MotivoEstadoSolicitud)
       OR NOT (NEW.FechaHoraCreacion <=> OLD.FechaHoraCreacion) THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'HistoricoEstadoSolicitud no se modifica; solo se marca Eliminado junto con su solicitud';
    END IF;
    SET NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;
END//

DELIMITER ;
