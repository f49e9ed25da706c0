-- Transporte module: a creation's last CALL writes its code into the row and into its mails, and ends with the
-- COMMIT (T3, T6, issue 16).
--
--   mariadb <database> < sql/transporte/0025_confirmar_solicitud_creada.sql      (after 0010, 0024)
--
-- Why. The correlative lock (CorrelativoSolicitud's row (0, 0), 0005) serialises every creation from the moment
-- its code is taken to its COMMIT, so the creations' rate is one over that window. Measured under
-- `scripts/bench 'POST /solicitud'` (stop 28, innodb_trx / innodb_lock_waits sampled every 100 ms): 4.5 of 6.6 open
-- transactions waiting on that row on average, and the holder, in about half of the samples, idle between
-- statements: after completar_solicitud_creada's CALL (0024) the application built the record and the two
-- notification mails (T6), sent their INSERT into mail_outbox, waited for it, then sent COMMIT; the mails name the
-- code (subject and body), so they were written after it was taken. With the mails inserted before the CALL under
-- the provisional code (a first version of this change, not landed) the holder was still idle in ~45% of the
-- samples: between the CALL's answer and the client's COMMIT (a client thread waiting to be scheduled on 2 busy
-- cores). So every client round trip leaves the window.
--
-- This file adds confirmar_solicitud_creada: completar_solicitud_creada (0024) with the same first four parameters
-- and OUT parameters, plus the solicitud's provisional code and the creation's mails (at most two: recipients,
-- subject, plain and HTML body each, NULL recipients for none), written by the application under the provisional
-- code (their text is otherwise final: the first state's name is read, share-locked, with the references, as
-- step 1 below reads it). After the code is taken and the row's UPDATE (unchanged):
--   * the mails are inserted into mail_outbox (AppCore's outbox, 0010: pending, due at once, the server's clock)
--     with the provisional code replaced by the real one in their subject and bodies;
--   * then COMMIT, inside the procedure: the lock is held for the counter, the row's UPDATE, the mails' INSERT and
--     the COMMIT, with no client round trip.
-- The CALL is therefore the transaction's last statement, and its caller must own the transaction (not join an
-- outer one). A failure anywhere before the COMMIT leaves the transaction open and the caller rolls it back as
-- before; a certification failure at the COMMIT (Galera) comes back as the CALL's 1213 and the caller reruns the
-- whole transaction (T16). A connection lost during the CALL leaves the outcome unknown, as one lost during COMMIT.
--
-- The provisional code is 'SOL-0000-00-' and 13 random digits (0015); the UPDATE of the row checks that it is the
-- row's own (`CodigoSolicitud = p_provisional`, with 0024's guard). REPLACE is exact and case-sensitive whatever
-- the collation; a mail's own text (the solicitud's Asunto, a person's name) could contain the same 25 characters
-- only by guessing the 13 random digits before the row was written.
--
-- What stays: every lock, statement and SIGNAL of 0024 in the same order (the state row share-locked first, the
-- history row before the correlative lock, the code inline, the row's one UPDATE found by primary key); committed
-- codes 1..n per month, gap-free and unique (a ROLLBACK gives the number back); the mails commit with the solicitud
-- or not at all (T6). completar_solicitud_creada stays for any other caller.
--
-- Safe on a database with data and while it serves: only a procedure is added, no table changes.
--
-- SQL SECURITY INVOKER: runs with the caller's privileges (see Monitor's 0003).

SET NAMES utf8mb4;

DROP PROCEDURE IF EXISTS confirmar_solicitud_creada;

DELIMITER //

CREATE PROCEDURE confirmar_solicitud_creada(
    IN  p_id            INT,          -- the solicitud this transaction has just inserted (provisional code, no state)
    IN  p_instante      DATETIME(3),  -- the creation instant (UTC): the history row's stamps
    IN  p_anio          INT,          -- year and month of the creation instant in America/El_Salvador (0005)
    IN  p_mes           INT,
    IN  p_provisional   VARCHAR(25)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,  -- the row's provisional code
    IN  p_para_1        TEXT,         -- the creation's mails (mail_outbox's columns), under p_provisional:
    IN  p_asunto_1      VARCHAR(998), --   recipients (comma-separated), subject, plain body, HTML body (or NULL);
    IN  p_texto_1       MEDIUMTEXT,   --   a NULL recipients list means no such mail (the second only if the first)
    IN  p_html_1        MEDIUMTEXT,
    IN  p_para_2        TEXT,
    IN  p_asunto_2      VARCHAR(998),
    IN  p_texto_2       MEDIUMTEXT,
    IN  p_html_2        MEDIUMTEXT,
    OUT p_codigo        VARCHAR(25)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    OUT p_id_estado     INT,
    OUT p_codigo_estado VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    OUT p_nombre_estado VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci,
    OUT p_color_estado  VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci,
    OUT p_estado_final  BOOLEAN
)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'Primer estado (T4), CodigoSolicitud (T3) y sus correos (T6) de una solicitud recién insertada; termina con COMMIT.'
BEGIN
    DECLARE v_sin_filas BOOLEAN DEFAULT FALSE;
    DECLARE v_cerrojo   INT DEFAULT NULL;
    DECLARE v_ultimo    BIGINT DEFAULT NULL;

    DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_sin_filas = TRUE;
    -- As in 0006: the write permit of 0003's triggers must not outlive the call, whatever fails.
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        SET @transporte_cambio_estado_solicitud = NULL;
        RESIGNAL;
    END;

    SET p_codigo = NULL;

    -- 1. The first state's catalog row, share-locked until the end of the transaction (0006, step 6).
    SELECT Id, Codigo, Nombre, Color, EsEstadoFinal
      INTO p_id_estado, p_codigo_estado, p_nombre_estado, p_color_estado, p_estado_final
      FROM EstadoSolicitud
     WHERE CodigoActivo = 'PENDIENTE_APROBACION'
      LOCK IN SHARE MODE;

    -- The locking read above has started the caller's transaction if there is one: refuse autocommit mode before
    -- writing anything (the history row would commit on its own).
    IF @@in_transaction = 0 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'confirmar_solicitud_creada debe ejecutarse dentro de una transacción';
    END IF;
    IF v_sin_filas THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'El estado de solicitud PENDIENTE_APROBACION no existe en el catálogo o está eliminado';
    END IF;
    IF p_provisional IS NULL OR p_provisional NOT LIKE 'SOL-0000-00-%' THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'confirmar_solicitud_creada: el código provisional no es uno (SOL-0000-00-…)';
    END IF;

    -- 2. The history row, before the correlative lock: Seq 1, the creation's motivo and instant.
    SET @transporte_cambio_estado_solicitud = p_id;
    INSERT INTO HistoricoEstadoSolicitud (IdSolicitud, Seq, IdEstadoSolicitud, MotivoEstadoSolicitud,
                                          FechaHoraCreacion, FechaHoraActualizacion)
    VALUES (p_id, 1, p_id_estado, 'Solicitud creada', p_instante, p_instante);

    -- 3. The code, last: siguiente_codigo_solicitud (0021) inline, as in 0024. The correlative lock is taken here
    --    and held until COMMIT.
    IF p_anio IS NULL OR p_mes IS NULL OR p_anio NOT BETWEEN 2000 AND 9999 OR p_mes NOT BETWEEN 1 AND 12 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = 'siguiente_codigo_solicitud: año o mes inválido';
    END IF;

    SELECT Ultimo INTO v_cerrojo
      FROM CorrelativoSolicitud
     WHERE Anio = 0 AND Mes = 0
       FOR UPDATE;

    IF @@in_transaction = 0 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'siguiente_codigo_solicitud debe ejecutarse dentro de una transacción';
    END IF;
    IF v_sin_filas THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'siguiente_codigo_solicitud: falta la fila de bloqueo (0, 0) de CorrelativoSolicitud';
    END IF;

    INSERT INTO CorrelativoSolicitud (Anio, Mes, Ultimo)
    VALUES (p_anio, p_mes, LAST_INSERT_ID(1))
        ON DUPLICATE KEY UPDATE Ultimo = LAST_INSERT_ID(Ultimo + 1);
    SET v_ultimo = LAST_INSERT_ID();

    SET p_codigo = CONCAT('SOL-', p_anio, '-', LPAD(p_mes, 2, '0'), '-',
                          IF(v_ultimo > 99999999, CAST(v_ultimo AS CHAR), LPAD(v_ultimo, 8, '0')));

    -- 4. State and code in one UPDATE of the creation's own row (still without state and under its provisional
    --    code), found by its primary key; the guard is one expression so that no other key is range-estimated.
    UPDATE Solicitud
       SET IdEstadoActual = p_id_estado, CodigoSolicitud = p_codigo
     WHERE Id = p_id
       AND (IdEstadoActual IS NULL AND CodigoSolicitud = p_provisional AND Eliminado = 0) IS TRUE;
    IF ROW_COUNT() <> 1 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'completar_solicitud_creada: la solicitud no es una recién insertada (sin estado, con código provisional)';
    END IF;

    -- 5. The creation's mails, with the code: one INSERT for both.
    IF p_para_2 IS NOT NULL THEN
        INSERT INTO mail_outbox (recipients, subject, body_text, body_html)
        VALUES (p_para_1, REPLACE(p_asunto_1, p_provisional, p_codigo), REPLACE(p_texto_1, p_provisional, p_codigo),
                REPLACE(p_html_1, p_provisional, p_codigo)),
               (p_para_2, REPLACE(p_asunto_2, p_provisional, p_codigo), REPLACE(p_texto_2, p_provisional, p_codigo),
                REPLACE(p_html_2, p_provisional, p_codigo));
    ELSEIF p_para_1 IS NOT NULL THEN
        INSERT INTO mail_outbox (recipients, subject, body_text, body_html)
        VALUES (p_para_1, REPLACE(p_asunto_1, p_provisional, p_codigo), REPLACE(p_texto_1, p_provisional, p_codigo),
                REPLACE(p_html_1, p_provisional, p_codigo));
    END IF;

    SET @transporte_cambio_estado_solicitud = NULL;

    -- 6. The end of the caller's transaction: the correlative lock is released here.
    COMMIT;
END//

DELIMITER ;

