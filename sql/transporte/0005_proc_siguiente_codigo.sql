-- Transporte module: the CodigoSolicitud correlative (ruling T3, transporte.md §5).
--
--   CALL siguiente_codigo_solicitud(anio, mes, @codigo);     -- @codigo = 'SOL-2026-03-00000042'
--
-- Hands out the next number of the month (anio, mes) and returns the code built from it:
-- 'SOL-' YYYY '-' MM '-' NNNNNNNN, the number zero-padded to 8 digits (wider, never truncated, should a
-- month ever pass 99,999,999). Numbers start at 1 for every (year, month).
--
-- Where year and month come from. T3 says: year and month of the creation date in the module's time zone
-- (America/El_Salvador). The application knows that zone (it renders every timestamp in it, T7) and MariaDB
-- does not necessarily have its time zone tables loaded, so the application computes them:
--   1. take ONE reading of the clock, the creation instant t (UTC);
--   2. anio, mes = year and month of t converted to America/El_Salvador;
--   3. CALL siguiente_codigo_solicitud(anio, mes, @codigo);
--   4. INSERT the Solicitud with CodigoSolicitud = @codigo and FechaHoraCreacion = FechaHoraActualizacion
--      = t (UTC), so the code's month and the creation timestamp can never disagree, not even across the
--      midnight that starts a month.
-- (The alternative, passing t and a zone name, would need CONVERT_TZ with loaded tz tables on every server.)
--
-- Transactions. The procedure neither starts nor commits a transaction: it must run inside the
-- application's creating transaction (START TRANSACTION; CALL ...; INSERT Solicitud ...; ... COMMIT) and
-- refuses to run outside one (autocommit mode would commit the increment at once and lose the lock, so a
-- failed creation would burn a number). Inside the transaction:
--   * the increment is an ordinary row change, so a ROLLBACK of the creation (validation error, FK error,
--     deadlock, crash) gives the number back: committed codes are 1..n without gaps (T3);
--   * concurrent creators serialise: each one locks the lock row (Anio 0, Mes 0) FOR UPDATE first and keeps
--     the lock until its COMMIT or ROLLBACK, so the next creator reads the committed counter. The lock row
--     exists from 0003 on, so nobody ever waits on a row being inserted by someone else. (Locking only the
--     month's row would let the first creations of a month race to INSERT it, and when the winner rolls
--     back, InnoDB can deadlock the waiters; a lock row that always exists has no such case.)
--   * the lock is held until the end of the creating transaction, so the application does its validation
--     (400/422) BEFORE the CALL, and commits promptly after it. Creations are serialised (one at a time
--     per database), which is the price of gap-free numbering; a creation takes a few milliseconds.
-- A lock wait timeout (1205) or deadlock (1213) here means the whole transaction must be retried or
-- answered 500; after ROLLBACK nothing, the number included, was consumed.
--
-- Errors (SIGNAL; both are programming errors of the caller, 500):
--   SQLSTATE HY000 'siguiente_codigo_solicitud: año o mes inválido'
--   SQLSTATE HY000 'siguiente_codigo_solicitud debe ejecutarse dentro de una transacción'
--   SQLSTATE HY000 'siguiente_codigo_solicitud: falta la fila de bloqueo (0, 0) de CorrelativoSolicitud'
--
-- SQL SECURITY INVOKER: runs with the caller's privileges (see Monitor's 0003).

SET NAMES utf8mb4;

DROP PROCEDURE IF EXISTS siguiente_codigo_solicitud;

DELIMITER //

CREATE PROCEDURE siguiente_codigo_solicitud(
    IN  p_anio   INT,        -- year of the creation instant in America/El_Salvador (2000-9999)
    IN  p_mes    INT,        -- month of the creation instant in America/El_Salvador (1-12)
    OUT p_codigo VARCHAR(25) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'Siguiente CodigoSolicitud SOL-YYYY-MM-NNNNNNNN del mes (T3). Sin COMMIT: llamar dentro de una transacción.'
BEGIN
    DECLARE v_sin_filas BOOLEAN DEFAULT FALSE;
    DECLARE v_cerrojo   INT DEFAULT NULL;
    DECLARE v_ultimo    INT DEFAULT NULL;

    -- A SELECT ... INTO that finds no row raises NOT FOUND. Turn it into a flag instead of a warning.
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_sin_filas = TRUE;

    SET p_codigo = NULL;

    IF p_anio IS NULL OR p_mes IS NULL OR p_anio NOT BETWEEN 2000 AND 9999 OR p_mes NOT BETWEEN 1 AND 12 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = 'siguiente_codigo_solicitud: año o mes inválido';
    END IF;

    -- 1. Serialise with every other creator: lock the lock row until the caller's COMMIT/ROLLBACK.
    SELECT Ultimo INTO v_cerrojo
      FROM CorrelativoSolicitud
     WHERE Anio = 0 AND Mes = 0
       FOR UPDATE;

    -- The locking read above has started the caller's transaction if there is one. If @@in_transaction
    -- is still 0 the CALL runs in autocommit mode: the lock is already gone and the increment below would
    -- commit on its own. Refuse before writing anything.
    IF @@in_transaction = 0 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'siguiente_codigo_solicitud debe ejecutarse dentro de una transacción';
    END IF;
    IF v_sin_filas THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'siguiente_codigo_solicitud: falta la fila de bloqueo (0, 0) de CorrelativoSolicitud';
    END IF;

    -- 2. Take the month's next number: 1 for a new month, Ultimo + 1 otherwise. Under the lock above no
    --    one else is inserting or updating any month row at the same time.
    INSERT INTO CorrelativoSolicitud (Anio, Mes, Ultimo)
    VALUES (p_anio, p_mes, 1)
        ON DUPLICATE KEY UPDATE Ultimo = Ultimo + 1;

    -- A current read (FOR UPDATE) of the row this transaction just wrote and still holds.
    SELECT Ultimo INTO v_ultimo
      FROM CorrelativoSolicitud
     WHERE Anio = p_anio AND Mes = p_mes
       FOR UPDATE;

    -- 3. The code. LPAD would truncate a number wider than 8 digits, so such a number is used as it is.
    SET p_codigo = CONCAT('SOL-', p_anio, '-', LPAD(p_mes, 2, '0'), '-',
                          IF(v_ultimo > 99999999, CAST(v_ultimo AS CHAR), LPAD(v_ultimo, 8, '0')));
END//

DELIMITER ;
