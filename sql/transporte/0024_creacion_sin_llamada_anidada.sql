-- Transporte module: completar_solicitud_creada without its nested CALL and without index dives in its UPDATE
-- (T3, T4, issue 16).
--
--   mariadb <database> < sql/transporte/0024_creacion_sin_llamada_anidada.sql      (after 0021)
--
-- Why. A perf call graph of mariadbd under a loop of a creation's statements (issue 16, stop 28) put the CALL of
-- completar_solicitud_creada (0021) at ~29% of MariaDB's CPU per creation, the largest single part, and inside it:
--   * the nested CALL siguiente_codigo_solicitud: a second routine looked up, its frame and handlers set up and
--     torn down on every creation (~50 µs of ~1,100 per creation in that loop);
--   * the final UPDATE's guard `IdEstadoActual IS NULL AND CodigoSolicitud LIKE 'SOL-0000-00-%' AND Eliminado = 0`:
--     each conjunct is sargable on a secondary key (ix_solicitud_estado, uq_solicitud_codigo, ix_solicitud_lista),
--     so a single-table UPDATE estimated a range on each of them (InnoDB index dives, SQL_SELECT::test_quick_select,
--     ~2.6% of the creation's CPU) although the primary key already names the one row.
-- This file replaces completar_solicitud_creada with the same signature, the same statements in the same order and
-- the same SIGNAL messages, but:
--   1. siguiente_codigo_solicitud's body (0021) written inline: the same lock row (Anio 0, Mes 0) FOR UPDATE taken
--      at the same point (after the history row, so the lock still covers only the counter, the row's one UPDATE
--      and what the application does before COMMIT), the same checks and messages (they still name
--      siguiente_codigo_solicitud, whose contract they are), the same upsert handing the number out through
--      LAST_INSERT_ID(expr), the same code text. Committed codes stay 1..n per month, gap-free and unique: the
--      increment is still a row change of the creating transaction, given back by its ROLLBACK.
--      siguiente_codigo_solicitud itself stays (0021) for every other caller;
--   2. the UPDATE finds the row by its primary key alone and checks the same guard as one expression
--      (`(...) IS TRUE`), which the optimizer cannot turn into a range on another key, so it reads the row by
--      Id and evaluates the guard on it: the same rows qualify (exactly the one, or none and the SIGNAL).
-- The triggers this CALL fires are unchanged (0003's write permits, 0015's audit, 0016's count, 0018's Seq).
--
-- Safe on a database with data and while it serves: only a procedure is replaced, no table changes. A creation
-- in flight keeps the version it started with (MariaDB re-reads a routine for the next CALL).
--
-- SQL SECURITY INVOKER: runs with the caller's privileges (see Monitor's 0003).

SET NAMES utf8mb4;

DROP PROCEDURE IF EXISTS completar_solicitud_creada;

DELIMITER //

CREATE PROCEDURE completar_solicitud_creada(
    IN  p_id            INT,          -- the solicitud this transaction has just inserted (provisional code, no state)
    IN  p_instante      DATETIME(3),  -- the creation instant (UTC): the history row's stamps
    IN  p_anio          INT,          -- year and month of the creation instant in America/El_Salvador (0005)
    IN  p_mes           INT,
    OUT p_codigo        VARCHAR(25)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    OUT p_id_estado     INT,
    OUT p_codigo_estado VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    OUT p_nombre_estado VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci,
    OUT p_color_estado  VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci,
    OUT p_estado_final  BOOLEAN
)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'Primer estado (T4) y CodigoSolicitud (T3) de una solicitud recién insertada, en un UPDATE; sin COMMIT.'
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
            'completar_solicitud_creada debe ejecutarse dentro de una transacción';
    END IF;
    IF v_sin_filas THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'El estado de solicitud PENDIENTE_APROBACION no existe en el catálogo o está eliminado';
    END IF;

    -- 2. The history row, before the correlative lock: Seq 1, the creation's motivo and instant.
    SET @transporte_cambio_estado_solicitud = p_id;
    INSERT INTO HistoricoEstadoSolicitud (IdSolicitud, Seq, IdEstadoSolicitud, MotivoEstadoSolicitud,
                                          FechaHoraCreacion, FechaHoraActualizacion)
    VALUES (p_id, 1, p_id_estado, 'Solicitud creada', p_instante, p_instante);

    -- 3. The code, last: siguiente_codigo_solicitud (0021) inline. The correlative lock is taken here and held
    --    until COMMIT.
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
       AND (IdEstadoActual IS NULL AND CodigoSolicitud LIKE 'SOL-0000-00-%' AND Eliminado = 0) IS TRUE;
    IF ROW_COUNT() <> 1 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'completar_solicitud_creada: la solicitud no es una recién insertada (sin estado, con código provisional)';
    END IF;

    SET @transporte_cambio_estado_solicitud = NULL;
END//

DELIMITER ;
