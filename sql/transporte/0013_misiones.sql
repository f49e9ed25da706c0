-- Transporte module: missions, their stops and their state history (transporte.md §2.2, §3.1, §4.3, §8.4;
-- rulings T11-T14).
--
--   mariadb <database> < sql/transporte/0013_misiones.sql      (after 0001-0012)
--
-- Conventions (audit columns and trigger, "unique among active rows" through INVISIBLE generated columns,
-- RESTRICT foreign keys, CHECKs the application validates first) are those of 0001; see its header.
--
-- Who writes what (T11, as 0003 says for solicitudes):
-- * Mision.IdEstadoMision, Mision.Activa and every HistoricoEstadoMision row are written by
--   cambiar_estado_mision (0014) and by nothing else. The triggers below refuse any other writer: an INSERT of a
--   Mision must leave IdEstadoMision NULL, and changing it (or Activa), or inserting a history row, is refused
--   unless the procedure has marked the mission in @transporte_cambio_estado_mision.
-- * The solicitud moves a mission causes (EN_PROCESO on the first start, COMPLETADA when every mission is done,
--   §8.4) go through cambiar_estado_solicitud (0006) in the same transaction.

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------------------------------
-- A mission: one trip of a vehicle and a driver that carries out (part of) an approved solicitud.
-- T14: a vehicle or a driver has at most one active mission (not COMPLETADA/CANCELADA, not deleted) per
-- FechaProgramada. The API checks it under row locks (the Vehiculo and Perfil rows, FOR UPDATE) and answers a
-- 409 naming the vehicle or driver; the two unique keys over the generated columns (NULL for inactive rows,
-- which never collide) are the backstop, which also holds on a multi-primary cluster.
CREATE TABLE IF NOT EXISTS Mision (
    Id                          INT           NOT NULL AUTO_INCREMENT,
    IdSolicitud                 INT           NOT NULL,
    IdLugarOrigen               INT           NULL,
    IdLugarDestino              INT           NULL,
    -- Cache of the current state (as Solicitud.IdEstadoActual): NULL only inside the creating transaction.
    IdEstadoMision              INT           NULL,
    -- 1 while the state is not final (not COMPLETADA or CANCELADA); written with IdEstadoMision by 0014.
    Activa                      BOOLEAN       NOT NULL DEFAULT 1,
    IdVehiculoAsignado          INT           NULL,
    -- A Perfil id (drivers are handled by Perfil, §11.10).
    IdMotoristaAsignado         INT           NULL,
    Descripcion                 VARCHAR(500)  NULL,
    -- A calendar day and a wall-clock time in America/El_Salvador, as sent.
    FechaProgramada             DATE          NOT NULL,
    HoraSalidaProgramada        TIME          NOT NULL,
    HoraLlegadaEstimada         TIME          NULL,
    Observaciones               TEXT          NULL,
    KilometrajeInicio           INT           NULL,
    KilometrajeFin              INT           NULL,
    KilometrajeRecorrido        INT           NULL,
    CombustibleInicialGalones   DECIMAL(10,2) NULL,
    CombustibleFinalGalones     DECIMAL(10,2) NULL,
    CombustibleConsumidoGalones DECIMAL(10,2) NULL,
    Incidencias                 TEXT          NULL,
    -- Instants (UTC) of iniciar and finalizar, from the module's clock.
    FechaHoraInicio             DATETIME(3)   NULL,
    FechaHoraFin                DATETIME(3)   NULL,
    Eliminado                   BOOLEAN       NOT NULL DEFAULT 0,
    FechaHoraCreacion           DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion      DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion        DATETIME(3)   NULL,
    VehiculoActivo  INT AS (IF(Eliminado = 0 AND Activa = 1, IdVehiculoAsignado, NULL)) PERSISTENT INVISIBLE,
    MotoristaActivo INT AS (IF(Eliminado = 0 AND Activa = 1, IdMotoristaAsignado, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_mision_vehiculo_fecha_activa (VehiculoActivo, FechaProgramada),
    UNIQUE KEY uq_mision_motorista_fecha_activa (MotoristaActivo, FechaProgramada),
    -- The missions of a solicitud (record, GET /mision/solicitud/{id}, the "all completed" count); FK index.
    KEY ix_mision_solicitud (IdSolicitud, Eliminado),
    -- GET /mision: active rows by date; the delete guards of §10 and the driver's visibility (T13).
    KEY ix_mision_lista (Eliminado, FechaProgramada, Id),
    KEY ix_mision_estado (IdEstadoMision, Eliminado),
    KEY ix_mision_vehiculo (IdVehiculoAsignado, Eliminado),
    KEY ix_mision_motorista (IdMotoristaAsignado, Eliminado),
    KEY ix_mision_origen (IdLugarOrigen),
    KEY ix_mision_destino (IdLugarDestino),
    CONSTRAINT ck_mision_activa CHECK (Activa IN (0, 1)),
    CONSTRAINT ck_mision_horas CHECK (HoraSalidaProgramada BETWEEN '00:00:00' AND '23:59:59'
                                  AND HoraLlegadaEstimada BETWEEN '00:00:00' AND '23:59:59'),
    CONSTRAINT ck_mision_kilometraje CHECK (KilometrajeInicio >= 0 AND KilometrajeFin >= KilometrajeInicio
                                        AND KilometrajeRecorrido = KilometrajeFin - KilometrajeInicio),
    CONSTRAINT ck_mision_combustible CHECK (CombustibleInicialGalones > 0
                                        AND CombustibleFinalGalones BETWEEN 0 AND CombustibleInicialGalones),
    CONSTRAINT ck_mision_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL)),
    CONSTRAINT fk_mision_solicitud FOREIGN KEY (IdSolicitud)
        REFERENCES Solicitud (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_mision_origen FOREIGN KEY (IdLugarOrigen)
        REFERENCES Lugares (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_mision_destino FOREIGN KEY (IdLugarDestino)
        REFERENCES Lugares (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_mision_estado FOREIGN KEY (IdEstadoMision)
        REFERENCES EstadoMision (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_mision_vehiculo FOREIGN KEY (IdVehiculoAsignado)
        REFERENCES Vehiculo (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_mision_motorista FOREIGN KEY (IdMotoristaAsignado)
        REFERENCES Perfil (Id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
-- The stops of a mission (§8.4 `paradas`). Among the active stops of one mission NumeroParada is unique and at
-- most one is final (checked by the API, 422, before writing; these keys are the backstop). A PUT with
-- `paradas` soft-deletes the old stops and inserts the new ones.
CREATE TABLE IF NOT EXISTS ParadaMision (
    Id                       INT          NOT NULL AUTO_INCREMENT,
    IdMision                 INT          NOT NULL,
    IdLugarDestino           INT          NOT NULL,
    NumeroParada             INT          NOT NULL,
    Descripcion              VARCHAR(500) NULL,
    EsParadaFinal            BOOLEAN      NOT NULL DEFAULT 0,
    -- An instant (UTC); sent and returned as local `YYYY-MM-DDTHH:MM:SS` (T7).
    FechaHoraLlegadaEstimada DATETIME(3)  NULL,
    Eliminado                BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion        DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion   DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion     DATETIME(3)  NULL,
    NumeroActivo INT     AS (IF(Eliminado = 0, NumeroParada, NULL)) PERSISTENT INVISIBLE,
    FinalActiva  TINYINT AS (IF(Eliminado = 0 AND EsParadaFinal = 1, 1, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_paradamision_numero_activo (IdMision, NumeroActivo),
    UNIQUE KEY uq_paradamision_final_activa (IdMision, FinalActiva),
    KEY ix_paradamision_mision (IdMision, Eliminado, NumeroParada),
    KEY ix_paradamision_lugar (IdLugarDestino, Eliminado),
    CONSTRAINT ck_paradamision_numero CHECK (NumeroParada >= 1),
    CONSTRAINT ck_paradamision_final CHECK (EsParadaFinal IN (0, 1)),
    CONSTRAINT ck_paradamision_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL)),
    CONSTRAINT fk_paradamision_mision FOREIGN KEY (IdMision)
        REFERENCES Mision (Id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_paradamision_lugar FOREIGN KEY (IdLugarDestino)
        REFERENCES Lugares (Id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_paradamision_auditoria
    BEFORE UPDATE ON ParadaMision
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- State history of a mission (T11): one row per state change, creation included ('Misión creada').
-- Append-only; soft-deleted only together with its mission. Order: FechaHoraCreacion, then Id.
CREATE TABLE IF NOT EXISTS HistoricoEstadoMision (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    IdMision               INT          NOT NULL,
    IdEstadoMision         INT          NOT NULL,
    MotivoEstadoMision     TEXT         NOT NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    PRIMARY KEY (Id),
    KEY ix_historicomision_mision (IdMision, FechaHoraCreacion, Id),
    KEY ix_historicomision_estado (IdEstadoMision, IdMision),
    CONSTRAINT ck_historicomision_motivo CHECK (MotivoEstadoMision <> ''),
    CONSTRAINT ck_historicomision_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL)),
    CONSTRAINT fk_historicomision_mision FOREIGN KEY (IdMision)
        REFERENCES Mision (Id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_historicomision_estado FOREIGN KEY (IdEstadoMision)
        REFERENCES EstadoMision (Id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
-- The mission record the API returns (T1: PascalCase): every visible column of Mision plus the names of its
-- state, places, vehicle, driver and the solicitud's code. Reads go through it; writes and locks go to Mision.
CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW VistaMision AS
SELECT m.Id, m.IdSolicitud, s.CodigoSolicitud, m.IdEstadoMision, e.Codigo AS CodigoEstado, e.Nombre AS NombreEstado,
       m.IdLugarOrigen, lo.Nombre AS NombreLugarOrigen, m.IdLugarDestino, ld.Nombre AS NombreLugarDestino,
       m.IdVehiculoAsignado, v.Placa AS PlacaVehiculo, m.IdMotoristaAsignado,
       CONCAT_WS(' ', p.Nombre1, p.Apellido1) AS NombreMotorista, m.Descripcion, m.FechaProgramada,
       m.HoraSalidaProgramada, m.HoraLlegadaEstimada, m.Observaciones, m.KilometrajeInicio, m.KilometrajeFin,
       m.KilometrajeRecorrido, m.CombustibleInicialGalones, m.CombustibleFinalGalones, m.CombustibleConsumidoGalones,
       m.Incidencias, m.FechaHoraInicio, m.FechaHoraFin, m.Eliminado, m.FechaHoraCreacion, m.FechaHoraActualizacion
  FROM Mision m
  JOIN Solicitud s ON s.Id = m.IdSolicitud
  LEFT JOIN EstadoMision e ON e.Id = m.IdEstadoMision
  LEFT JOIN Lugares lo ON lo.Id = m.IdLugarOrigen
  LEFT JOIN Lugares ld ON ld.Id = m.IdLugarDestino
  LEFT JOIN Vehiculo v ON v.Id = m.IdVehiculoAsignado
  LEFT JOIN Perfil p ON p.Id = m.IdMotoristaAsignado;

-- ---------------------------------------------------------------------------------------------------
-- Guards (T11). SQLSTATE HY000: programming errors of the application (500).

DELIMITER //

CREATE TRIGGER IF NOT EXISTS trg_mision_insertar
    BEFORE INSERT ON Mision
    FOR EACH ROW
BEGIN
    IF NEW.IdEstadoMision IS NOT NULL OR NEW.Activa <> 1 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'Mision se inserta con IdEstadoMision NULL; el estado inicial lo asigna cambiar_estado_mision';
    END IF;
END//

CREATE TRIGGER IF NOT EXISTS trg_mision_auditoria
    BEFORE UPDATE ON Mision
    FOR EACH ROW
BEGIN
    IF (NOT (NEW.IdEstadoMision <=> OLD.IdEstadoMision) OR NOT (NEW.Activa <=> OLD.Activa))
       AND NOT (@transporte_cambio_estado_mision <=> OLD.Id) THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'Mision.IdEstadoMision solo lo modifica cambiar_estado_mision';
    END IF;
    SET NEW.FechaHoraActualizacion = IF(OLD.IdEstadoMision IS NULL AND NEW.IdEstadoMision IS NOT NULL,
                                        NEW.FechaHoraActualizacion, UTC_TIMESTAMP(3)),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;
END//

CREATE TRIGGER IF NOT EXISTS trg_historicomision_insertar
    BEFORE INSERT ON HistoricoEstadoMision
    FOR EACH ROW
BEGIN
    IF NOT (@transporte_cambio_estado_mision <=> NEW.IdMision) THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'HistoricoEstadoMision solo lo escribe cambiar_estado_mision';
    END IF;
END//

CREATE TRIGGER IF NOT EXISTS trg_historicomision_auditoria
    BEFORE UPDATE ON HistoricoEstadoMision
    FOR EACH ROW
BEGIN
    IF NOT (NEW.IdMision <=> OLD.IdMision)
       OR NOT (NEW.IdEstadoMision <=> OLD.IdEstadoMision)
       OR NOT (NEW.MotivoEstadoMision <=> OLD.MotivoEstadoMision)
       OR NOT (NEW.FechaHoraCreacion <=> OLD.FechaHoraCreacion) THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'HistoricoEstadoMision no se modifica; solo se marca Eliminado junto con su misión';
    END IF;
    SET NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;
END//

DELIMITER ;
