-- Transporte module: a creation's first state and its code in one CALL and one UPDATE (T3, T4, issue 16).
--
--   mariadb <database> < sql/transporte/0021_creacion_en_una_llamada.sql      (after 0005, 0006, 0015, 0016, 0018)
--
-- Why. Measured on a scratch database with a loop of a creation's statements (issue 16, stop 27), the first state
-- through cambiar_estado_solicitud (0006) was the creation's most expensive step: its general checks (a REGEXP on the
-- motivo, a FOR UPDATE read of the row the transaction has just inserted, the current state's read), the history
-- trigger's MAX(Seq) read (0018) and an UPDATE of the Solicitud row whose two triggers (0015's audit, 0016's count)
-- then ran again for the code's UPDATE (asignar_codigo_solicitud, 0015). And siguiente_codigo_solicitud (0005) read
-- the month's row again FOR UPDATE after its upsert. This file:
--
-- 1. Replaces siguiente_codigo_solicitud: the upsert hands the number out itself through LAST_INSERT_ID(expr),
--    so the second SELECT ... FOR UPDATE is gone. Same lock row (Anio 0, Mes 0) taken first, same checks, same
--    SIGNALs, same codes: committed codes stay 1..n per month without gaps (the increment is a row change of the
--    creating transaction, given back by its ROLLBACK) and unique. Nothing node-local: LAST_INSERT_ID is the
--    session's own value, and on Galera the row's write set carries Ultimo as on one server (two nodes writing the
--    month at once conflict at certification and one transaction is rerun whole, T16).
--
-- 2. Adds completar_solicitud_creada(p_id, p_instante, p_anio, p_mes, OUT code, OUT the state's columns), the
--    creation's one CALL after its row and stops (the API's only caller; 0006 and 0015 stay for every other use):
--      * the first state exactly as cambiar_estado_solicitud writes it for a creation: the active PENDIENTE_APROBACION
--        row share-locked (a concurrent catalog delete waits), one HistoricoEstadoSolicitud row with the motivo
--        'Solicitud creada' and Seq 1 (the row was inserted by this very transaction, so it has no other history;
--        0018's trigger keeps a Seq that is given), stamped with the creation instant p_instante (UTC) as 0006's
--        column defaults were under the application's pinned session clock, written under the same permit
--        (@transporte_cambio_estado_solicitud) that 0003's triggers check;
--      * then, last, the code: siguiente_codigo_solicitud (the correlative lock, held until COMMIT as before);
--      * one UPDATE gives the row both its state and its code, so 0015's audit trigger and 0016's count trigger run
--        once instead of twice (the state and the code are both part of the creation: FechaHoraActualizacion keeps
--        the creation's, and the row is counted, as before);
--      * the state's Id, Codigo, Nombre, Color and EsEstadoFinal come back as OUT parameters with the code, in the
--        CALL's own result, so the application answers with the record it wrote without reading it back.
--    The history row is written before the lock, the state with the code under it: the lock still covers only the
--    counter, one UPDATE of the creation's own row and what the application does before COMMIT (the two mails).
--    Errors (SIGNAL; all programming errors of the caller, 500), besides 0005's:
--      SQLSTATE HY000 'completar_solicitud_creada debe ejecutarse dentro de una transacción'
--      SQLSTATE HY000 'El estado de solicitud PENDIENTE_APROBACION no existe en el catálogo o está eliminado'
--      SQLSTATE HY000 'completar_solicitud_creada: la solicitud no es una recién insertada (sin estado, con código provisional)'
--
-- Safe on a database with data and while it serves: only procedures are replaced, no table changes. A creation
-- in flight that already called the old siguiente_codigo_solicitud is unaffected (the counter row is the same).
--
-- SQL SECURITY INVOKER: runs with the caller's privileges (see Monitor's 0003).

SET NAMES utf8mb4;

DROP PROCEDURE IF EXISTS siguiente_codigo_solicitud;
DROP PROCEDURE IF EXISTS completar_solicitud_creada;

DELIMITER //

CREATE PROCEDURE siguiente_codigo_solicitud(
    IN  p_anio   INT,        -- year of the creation instant in America/El_Salvador (2000-9999), see 0005
    IN  p_mes    INT,        -- month of the creation instant in America/El_Salvador (1-12)
    OUT p_codigo VARCHAR(25) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'Siguiente CodigoSolicitud SOL-YYYY-MM-NNNNNNNN del mes (T3). Sin COMMIT: llamar dentro de una transacción.'
BEGIN
    DECLARE v_sin_filas BOOLEAN DEFAULT FALSE;
    DECLARE v_cerrojo   INT DEFAULT NULL;
    DECLARE v_ultimo    BIGINT DEFAULT NULL;

    DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_sin_filas = TRUE;

    SET p_codigo = NULL;

    IF p_anio IS NULL OR p_mes IS NULL OR p_anio NOT BETWEEN 2000 AND 9999 OR p_mes NOT BETWEEN 1 AND 12 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = 'siguiente_codigo_solicitud: año o mes inválido';
    END IF;

    -- 1. Serialise with every other creator (0005): the lock row, until the caller's COMMIT/ROLLBACK.
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

    -- 2. The month's next number, handed out by the upsert itself: LAST_INSERT_ID(expr) stores the value the row
    --    gets (1 for a new month, Ultimo + 1 otherwise) as this session's LAST_INSERT_ID(), so no read follows.
    INSERT INTO CorrelativoSolicitud (Anio, Mes, Ultimo)
    VALUES (p_anio, p_mes, LAST_INSERT_ID(1))
        ON DUPLICATE KEY UPDATE Ultimo = LAST_INSERT_ID(Ultimo + 1);
    SET v_ultimo = LAST_INSERT_ID();

    -- 3. The code, as 0005 builds it (a number wider than 8 digits is used as it is).
    SET p_codigo = CONCAT('SOL-', p_anio, '-', LPAD(p_mes, 2, '0'), '-',
                          IF(v_ultimo > 99999999, CAST(v_ultimo AS CHAR), LPAD(v_ultimo, 8, '0')));
END//

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

    -- 3. The code, last: the correlative lock is taken here and held until COMMIT.
    CALL siguiente_codigo_solicitud(p_anio, p_mes, p_codigo);

    -- 4. State and code in one UPDATE of the creation's own row (still without state and under its provisional code).
    UPDATE Solicitud
       SET IdEstadoActual = p_id_estado, CodigoSolicitud = p_codigo
     WHERE Id = p_id AND IdEstadoActual IS NULL AND CodigoSolicitud LIKE 'SOL-0000-00-%' AND Eliminado = 0;
    IF ROW_COUNT() <> 1 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'completar_solicitud_creada: la solicitud no es una recién insertada (sin estado, con código provisional)';
    END IF;

    SET @transporte_cambio_estado_solicitud = NULL;
END//

DELIMITER ;
