-- Transporte module: the CodigoSolicitud is given last, just before COMMIT (T3, issue 16).
--
--   mariadb <database> < sql/transporte/0015_codigo_al_final.sql      (after 0003, 0005)
--
-- Why. The correlative lock of 0005 is held from the CALL to the end of the creating transaction. Taken first,
-- it serialised every creation over all of its work (the INSERTs of the row, its stops and first state, the
-- read-back, the mails). Taken last, it covers only the counter, one UPDATE of the creation's own row and the
-- COMMIT, so concurrent creations overlap in everything else. Committed codes stay 1..n without gaps and
-- unique: the number is still taken inside the creating transaction, under the same lock.
--
-- Creating a solicitud (POST /solicitud), all in ONE transaction of the application (replaces 0003's recipe):
--   START TRANSACTION;
--   -- validate everything that can be validated first (400/422)
--   INSERT INTO Solicitud (CodigoSolicitud, ...)                       -- a provisional code, see below
--        VALUES (CONCAT('SOL-0000-00-', LPAD(FLOOR(RAND() * 10000000000000), 13, '0')), ...);
--   INSERT INTO DetalleLugarSolicitud (...) VALUES (...), ...;
--   CALL cambiar_estado_solicitud(<new Id>, 'PENDIENTE_APROBACION', NULL);   -- 0006
--   CALL asignar_codigo_solicitud(<new Id>, ?anio, ?mes, @codigo);    -- below: the lock is taken here
--   INSERT INTO <outbox> ...;                                          -- the mails name the code
--   COMMIT;                       -- on any error: ROLLBACK (the number is given back, T3)
--
-- The provisional code is 'SOL-0000-00-' and 13 random digits (25 characters, the column's width), which
--   * satisfies ck_solicitud_codigo (no real code has year 0000 or month 00),
--   * is practically never equal to another one in progress or still delete-marked in uq_solicitud_codigo
--     (an equal key, live or delete-marked, makes InnoDB's duplicate check lock it and the gap before it until
--     COMMIT; with the connection's id as the key, creations on neighbouring connections waited for each other;
--     an equal draw only makes the second creation wait for the first), and
--   * never reaches a COMMIT: asignar_codigo_solicitud replaces it in the same transaction, or the ROLLBACK
--     takes the row away.
-- trg_solicitud_auditoria (0003) now lets the code change exactly once, from a provisional code to a real one,
-- and keeps the creation's FechaHoraActualizacion in that step (it is part of the creation, like the first state).
-- Everything else about the code is as 0003 says: it never changes afterwards.
--
-- asignar_codigo_solicitud(p_id, p_anio, p_mes, OUT p_codigo): siguiente_codigo_solicitud (0005, with its lock,
-- its transaction check and its SIGNALs), then the UPDATE of the solicitud's provisional code.
--   SQLSTATE HY000 'asignar_codigo_solicitud: la solicitud no tiene un código provisional'
--
-- SQL SECURITY INVOKER: runs with the caller's privileges (see Monitor's 0003).

SET NAMES utf8mb4;

DROP TRIGGER IF EXISTS trg_solicitud_auditoria;

DROP PROCEDURE IF EXISTS asignar_codigo_solicitud;

DELIMITER //

CREATE TRIGGER trg_solicitud_auditoria
    BEFORE UPDATE ON Solicitud
    FOR EACH ROW
BEGIN
    DECLARE v_asigna_codigo BOOLEAN DEFAULT OLD.CodigoSolicitud LIKE 'SOL-0000-00-%'
                                       AND NEW.CodigoSolicitud NOT LIKE 'SOL-0000-00-%';
    IF NOT (NEW.CodigoSolicitud <=> OLD.CodigoSolicitud) AND NOT v_asigna_codigo THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = 'CodigoSolicitud no se puede modificar';
    END IF;
    IF NOT (NEW.IdEstadoActual <=> OLD.IdEstadoActual)
       AND NOT (@transporte_cambio_estado_solicitud <=> OLD.Id) THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'Solicitud.IdEstadoActual solo lo modifica cambiar_estado_solicitud';
    END IF;
    -- The first state (NULL -> PENDIENTE_APROBACION) and the code are part of the creation: they keep the
    -- creation's FechaHoraActualizacion (= FechaHoraCreacion, as seed 002 shows). Every later update bumps it.
    SET NEW.FechaHoraActualizacion = IF((OLD.IdEstadoActual IS NULL AND NEW.IdEstadoActual IS NOT NULL) OR v_asigna_codigo,
                                        OLD.FechaHoraActualizacion, UTC_TIMESTAMP(3)),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;
END//

CREATE PROCEDURE asignar_codigo_solicitud(
    IN  p_id     INT,        -- the solicitud this transaction has just inserted, with its provisional code
    IN  p_anio   INT,        -- year of the creation instant in America/El_Salvador (see 0005)
    IN  p_mes    INT,        -- month of the creation instant in America/El_Salvador (see 0005)
    OUT p_codigo VARCHAR(25) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'Da su CodigoSolicitud (T3) a la solicitud recién insertada con un código provisional; sin COMMIT.'
BEGIN
    CALL siguiente_codigo_solicitud(p_anio, p_mes, p_codigo);
    UPDATE Solicitud SET CodigoSolicitud = p_codigo WHERE Id = p_id AND CodigoSolicitud LIKE 'SOL-0000-00-%';
    IF ROW_COUNT() <> 1 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'asignar_codigo_solicitud: la solicitud no tiene un código provisional';
    END IF;
END//

DELIMITER ;
