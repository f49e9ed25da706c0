-- Monitor module: the estado workflow procedure (ruling M4, monitor.md §4.5 and §5).
--
--   CALL cambiar_estado_expediente(no_siniestro, nuevo_estado, usuario_id);
--
-- The only code path that changes expediente.estado after creation. It writes the historial_estado row of
-- the change in the same unit. It neither starts nor commits a transaction: the application calls it
-- inside its own transaction (START TRANSACTION, CALL, COMMIT, and ROLLBACK on any error) and returns the
-- updated expediente row (§4.5: 200 = the expediente's scalars) after re-reading it.
-- §4.5 has no comentario/motivo for this change, so the procedure takes none.
--
-- Errors (SIGNAL). MESSAGE_TEXT is exactly the API's "error" string, so the application can answer
-- {"error": MESSAGE_TEXT}. Checked in the order of §4.5, and none of them writes anything:
--   SQLSTATE 45000 'Estado inválido. Valores permitidos: Ingreso, Restauracion, Pendiente_de_salida, Salida' -> 400
--   SQLSTATE 45000 'Expediente no encontrado'                              -> 404
--   SQLSTATE 45000 'El expediente ya se encuentra en ese estado'           -> 400
--   SQLSTATE 45000 'Falta registrar la fecha de entrega del expediente'    -> 400 (Salida only)
--   SQLSTATE 45000 'No existe checklist de salida para este expediente'    -> 400 (Salida only)
--   SQLSTATE 45000 'Falta registrar la fecha de entrega en el checklist'   -> 400 (Salida only)
--   SQLSTATE 45000 'Usuario no encontrado'   -> the caller's user no longer exists (deleted after the
--                                               token was issued). Not a §4.5 case, the application decides
--                                               (e.g. 401 "Token inválido o expirado").
--   SQLSTATE HY000 'cambiar_estado_expediente debe ejecutarse dentro de una transacción'
--                                            -> programming error, 500.
-- Any other error (deadlock 1213, lock wait timeout 1205, ...) is internal: 500 (M4), after ROLLBACK.
--
-- The three Salida preconditions of §4.5 are pure data checks, so they are enforced here as well, under
-- the row locks: the expediente row is locked FOR UPDATE (unidad_terminada cannot change underneath) and
-- the latest checklist is read with a shared lock (its fecha_entrega cannot be cleared concurrently).
-- The application may check them first too. The messages are identical, so either answer is the same.
-- Role checks (Administrador or Operador, 403 otherwise) stay in the application.
--
-- Creation does not call this procedure. In the transaction that inserts the expediente the application
-- writes the first row itself (M1):
--   INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
--   VALUES (?, NULL, 'Ingreso', UTC_TIMESTAMP(3), ?);
--
-- Parameter notes:
-- * The string parameters are TEXT so that an over-long value from a URL or a body is simply "not found"
--   or "invalid" instead of error 1406 (Data too long), which would surface as a 500.
-- * They are utf8mb4_bin, so 'salida' or 'SALIDA' is not a valid estado (§4.5: "the four exact strings")
--   and no_siniestro is matched exactly like the column (0001).
-- * p_usuario_id is the token's id. NULL is accepted (historial_estado.cambiado_por is nullable) but the
--   API always passes the caller's id.
--
-- SQL SECURITY INVOKER: the procedure runs with the caller's privileges, so it neither depends on the
-- account that created it still existing nor grants more than the application user already has.

SET NAMES utf8mb4;

DROP PROCEDURE IF EXISTS cambiar_estado_expediente;

DELIMITER //

CREATE PROCEDURE cambiar_estado_expediente(
    IN p_no_siniestro TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_estado       TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_usuario_id   INT
)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'Cambia expediente.estado y escribe historial_estado (M4). Sin COMMIT: llamar dentro de una transacción.'
BEGIN
    DECLARE v_sin_filas        BOOLEAN DEFAULT FALSE;
    DECLARE v_estado_actual    VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL;
    DECLARE v_unidad_terminada DATE DEFAULT NULL;
    DECLARE v_checklist_id     INT DEFAULT NULL;
    DECLARE v_checklist_fecha  DATE DEFAULT NULL;
    DECLARE v_usuario_existe   INT DEFAULT 0;

    -- A SELECT ... INTO that finds no row raises NOT FOUND. Turn it into a flag instead of a warning.
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_sin_filas = TRUE;

    -- 1. The estado must be one of the four exact names. Checked first, as in §4.5, before any lock.
    IF p_estado IS NULL
       OR p_estado NOT IN ('Ingreso', 'Restauracion', 'Pendiente_de_salida', 'Salida') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT =
            'Estado inválido. Valores permitidos: Ingreso, Restauracion, Pendiente_de_salida, Salida';
    END IF;

    -- 2. Lock the expediente row. Concurrent changes of the same expediente are serialised here, so
    --    estado_anterior is always the estado this change replaced.
    SET v_sin_filas = FALSE;
    SELECT estado, unidad_terminada
      INTO v_estado_actual, v_unidad_terminada
      FROM expediente
     WHERE no_siniestro = p_no_siniestro
       FOR UPDATE;
    IF v_sin_filas OR p_no_siniestro IS NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Expediente no encontrado';
    END IF;

    -- The locking read above has started the caller's transaction if there is one. If @@in_transaction
    -- is still 0 the CALL runs in autocommit mode: the lock is already gone and the two writes below
    -- would commit separately. Refuse rather than write half a change.
    IF @@in_transaction = 0 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'cambiar_estado_expediente debe ejecutarse dentro de una transacción';
    END IF;

    -- 3. A change must change something.
    IF v_estado_actual = p_estado THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'El expediente ya se encuentra en ese estado';
    END IF;

    -- 4. Salida preconditions (§4.5, in its order).
    IF p_estado = 'Salida' THEN
        -- The message says "fecha de entrega" but the field checked is unidad_terminada (§4.5, exact).
        IF v_unidad_terminada IS NULL THEN
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Falta registrar la fecha de entrega del expediente';
        END IF;

        -- The latest checklist (highest id) decides. Shared lock: it cannot be changed or deleted before
        -- this transaction ends.
        SET v_sin_filas = FALSE;
        SELECT id, fecha_entrega
          INTO v_checklist_id, v_checklist_fecha
          FROM checklist
         WHERE no_siniestro = p_no_siniestro
         ORDER BY id DESC
         LIMIT 1
          LOCK IN SHARE MODE;
        IF v_sin_filas THEN
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'No existe checklist de salida para este expediente';
        END IF;
        IF v_checklist_fecha IS NULL THEN
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Falta registrar la fecha de entrega en el checklist';
        END IF;
    END IF;

    -- 5. The acting user must exist: checked here, before any write, instead of letting the FK of the
    --    INSERT fail with 1452 (which the application would have to tell apart from real internal errors).
    IF p_usuario_id IS NOT NULL THEN
        SELECT COUNT(*) INTO v_usuario_existe FROM usuario WHERE id = p_usuario_id LOCK IN SHARE MODE;
        IF v_usuario_existe = 0 THEN
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Usuario no encontrado';
        END IF;
    END IF;

    -- 6. The two writes. The history row goes first: should it fail, nothing at all has been written
    --    yet, even if the caller forgets to roll back.
    INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
    VALUES (p_no_siniestro, v_estado_actual, p_estado, UTC_TIMESTAMP(3), p_usuario_id);

    UPDATE expediente
       SET estado = p_estado
     WHERE no_siniestro = p_no_siniestro;
END//

DELIMITER ;
