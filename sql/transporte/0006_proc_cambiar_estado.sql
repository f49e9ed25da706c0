-- Transporte module: the solicitud estado workflow (ruling T4; transporte.md §4.2, §6, §7.1, §7.6-§7.8, §8.4).
--
--   CALL cambiar_estado_solicitud(id_solicitud, codigo_estado, motivo);
--
-- The ONLY code path that changes a solicitud's state: it writes exactly one HistoricoEstadoSolicitud row
-- (with its reason) and sets the cached Solicitud.IdEstadoActual, both in the caller's transaction. The
-- triggers of 0003 refuse any other writer. Used by:
--   POST /solicitud                  'PENDIENTE_APROBACION'  motivo NULL -> 'Solicitud creada'
--   POST /solicitud/{id}/aprobar     'APROBADA'              motivo optional, NULL/blank -> 'Solicitud aprobada'
--   POST /solicitud/{id}/rechazar    'RECHAZADA'             motivo required
--   POST /solicitud/{id}/cancelar    'CANCELADA'             motivo required
--   POST /mision/{id}/iniciar        'EN_PROCESO'            motivo NULL -> 'Misión iniciada'  (only when the
--                                                            solicitud is APROBADA: check first, see below)
--   POST /mision/{id}/finalizar      'COMPLETADA'            motivo NULL -> 'Todas las misiones completadas'
-- The motivo is stored trimmed. States are looked up by Codigo, never by Id (§4.1).
--
-- Transition table (§4.2). Anything not listed is refused, in particular every move out of a final state
-- (RECHAZADA, CANCELADA, COMPLETADA) and every move to the state the solicitud already has:
--   (none)                -> PENDIENTE_APROBACION      creation
--   PENDIENTE_APROBACION  -> APROBADA | RECHAZADA | CANCELADA
--   APROBADA              -> CANCELADA | EN_PROCESO
--   EN_PROCESO            -> CANCELADA | COMPLETADA
--
-- Errors (SIGNAL). MESSAGE_TEXT is exactly the API's "message", so the service answers
-- {"success": false, "message": MESSAGE_TEXT, "data": null, "errors": [...]}. Checked in this order; none of
-- them writes anything. {id} is p_id_solicitud, {X} the Codigo of the current state.
--   SQLSTATE 45000 -> 400 (errors: [{"field": "motivo", ...}]), only for RECHAZADA and CANCELADA:
--     'El campo ''motivo'' es obligatorio'
--   SQLSTATE 45000 -> 404 (missing or soft-deleted solicitud):
--     'Solicitud con Id {id} no encontrada'
--   SQLSTATE 45000 -> 409 (not allowed in the current state), one message per target:
--     APROBADA:             'Solo se pueden aprobar solicitudes en estado PENDIENTE_APROBACION. Estado actual: {X}'
--     RECHAZADA:            'Solo se pueden rechazar solicitudes en estado PENDIENTE_APROBACION. Estado actual: {X}'
--     CANCELADA, {X} final: 'No se puede cancelar una solicitud en estado final. Estado actual: {X}'
--     CANCELADA, otherwise: 'Solo se pueden cancelar solicitudes en estado PENDIENTE_APROBACION, APROBADA o EN_PROCESO. Estado actual: {X}'
--                           (only reachable with a state an administrator added to the catalog)
--     EN_PROCESO:           'Solo se pueden poner en proceso solicitudes en estado APROBADA. Estado actual: {X}'
--     COMPLETADA:           'Solo se pueden completar solicitudes en estado EN_PROCESO. Estado actual: {X}'
--     PENDIENTE_APROBACION: 'Solo se puede asignar el estado PENDIENTE_APROBACION al crear la solicitud. Estado actual: {X}'
--   SQLSTATE HY000 -> 500 (programming or configuration errors, never a client's fault):
--     'Código de estado de solicitud no válido: {codigo}'        (not one of the six codes above)
--     'cambiar_estado_solicitud debe ejecutarse dentro de una transacción'
--     'La solicitud con Id {id} no tiene estado; su primer estado debe ser PENDIENTE_APROBACION'
--     'El estado de solicitud {codigo} no existe en el catálogo o está eliminado'   (0004 row deleted)
-- All SIGNALs carry MYSQL_ERRNO 1644 (ER_SIGNAL_EXCEPTION, MariaDBError.Kind.signal); tell them apart by
-- SQLSTATE (45000 = answer the client, HY000 = 500) and, for 45000, by the message: it starts with
-- 'El campo' (400), ends with 'no encontrada' (404), or starts with 'Solo se ' / 'No se puede ' (409).
-- Any other error (deadlock 1213, lock wait timeout 1205, ...) is internal: ROLLBACK and 500 (or retry).
--
-- The service's own checks come first and stay there: authentication and T5 permissions (403: only the
-- approver or an ADMIN approves/rejects; only the requester or an ADMIN cancels), body validation (400:
-- motivo missing or blank is answered by the service with the same message). The procedure re-checks the
-- state under the row lock, so two concurrent approve/cancel calls on one solicitud cannot both succeed:
-- the second one waits for the first to commit and then gets the 409 of the new state.
-- Mission code (§8.4): "iniciar" moves the solicitud to EN_PROCESO only if it is APROBADA, so the mission
-- service reads the state first (SELECT ... FOR UPDATE on the Solicitud row) and calls this procedure only
-- then; likewise for COMPLETADA when all missions are done.
--
-- Locking: the Solicitud row FOR UPDATE (serialises all changes of one solicitud; history rows of one
-- solicitud are therefore in Id order and in FechaHoraCreacion order), the target EstadoSolicitud row
-- LOCK IN SHARE MODE (a concurrent catalog delete of that state waits for this transaction).
--
-- Parameter notes: p_codigo_estado is utf8mb4_bin like EstadoSolicitud.Codigo (exact, upper-case codes);
-- p_motivo is TEXT so any motivo the service accepted fits (the service limits its length).
-- SQL SECURITY INVOKER: runs with the caller's privileges (see Monitor's 0003).

SET NAMES utf8mb4;

DROP PROCEDURE IF EXISTS cambiar_estado_solicitud;

DELIMITER //

CREATE PROCEDURE cambiar_estado_solicitud(
    IN p_id_solicitud  INT,
    IN p_codigo_estado VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_motivo        TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci
)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'Cambia el estado de una solicitud y escribe HistoricoEstadoSolicitud (T4). Sin COMMIT: llamar dentro de una transacción.'
BEGIN
    DECLARE v_sin_filas        BOOLEAN DEFAULT FALSE;
    DECLARE v_eliminada        BOOLEAN DEFAULT NULL;
    DECLARE v_id_estado_actual INT DEFAULT NULL;
    DECLARE v_codigo_actual    VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL;
    DECLARE v_actual_es_final  BOOLEAN DEFAULT FALSE;
    DECLARE v_id_estado_nuevo  INT DEFAULT NULL;
    DECLARE v_permitido        BOOLEAN DEFAULT FALSE;
    DECLARE v_motivo           TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci DEFAULT NULL;
    DECLARE v_mensaje          VARCHAR(512) CHARACTER SET utf8mb4 DEFAULT NULL;

    -- A SELECT ... INTO that finds no row raises NOT FOUND. Turn it into a flag instead of a warning.
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_sin_filas = TRUE;
    -- Whatever fails (our SIGNALs included), the write permit of the 0003 triggers must not outlive the
    -- call. RESIGNAL passes the original error (SQLSTATE, errno, message) on unchanged.
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        SET @transporte_cambio_estado_solicitud = NULL;
        RESIGNAL;
    END;

    SET @transporte_cambio_estado_solicitud = NULL;

    -- 1. The target must be a state of the workflow (the service passes constants; anything else is a bug).
    IF p_codigo_estado IS NULL OR p_codigo_estado NOT IN
       ('PENDIENTE_APROBACION', 'APROBADA', 'RECHAZADA', 'CANCELADA', 'EN_PROCESO', 'COMPLETADA') THEN
        SET v_mensaje = CONCAT('Código de estado de solicitud no válido: ', IFNULL(p_codigo_estado, 'NULL'));
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = v_mensaje;
    END IF;

    -- 2. The reason: trimmed (spaces, tabs, line breaks); required for RECHAZADA and CANCELADA (§7.7, §7.8;
    --    400 by ruling T2), otherwise the default of §6 when none is given. Checked before the solicitud
    --    is looked up, in the order the service validates (body first, then the resource).
    SET v_motivo = NULLIF(REGEXP_REPLACE(p_motivo, '^[[:space:]]+|[[:space:]]+$', ''), '');
    IF v_motivo IS NULL THEN
        IF p_codigo_estado IN ('RECHAZADA', 'CANCELADA') THEN
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'El campo ''motivo'' es obligatorio';
        END IF;
        SET v_motivo = CASE p_codigo_estado
                           WHEN 'PENDIENTE_APROBACION' THEN 'Solicitud creada'
                           WHEN 'APROBADA'             THEN 'Solicitud aprobada'
                           WHEN 'EN_PROCESO'           THEN 'Misión iniciada'
                           WHEN 'COMPLETADA'           THEN 'Todas las misiones completadas'
                       END;
    END IF;

    -- 3. Lock the solicitud. Concurrent changes of the same solicitud are serialised here, so the state
    --    read below is the one this change replaces.
    SET v_sin_filas = FALSE;
    SELECT Eliminado, IdEstadoActual
      INTO v_eliminada, v_id_estado_actual
      FROM Solicitud
     WHERE Id = p_id_solicitud
       FOR UPDATE;
    IF v_sin_filas OR v_eliminada THEN
        SET v_mensaje = CONCAT('Solicitud con Id ', IFNULL(p_id_solicitud, 'NULL'), ' no encontrada');
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_mensaje;
    END IF;

    -- The locking read above has started the caller's transaction if there is one. If @@in_transaction
    -- is still 0 the CALL runs in autocommit mode: the lock is already gone and the two writes below would
    -- commit separately. Refuse rather than write half a change.
    IF @@in_transaction = 0 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'cambiar_estado_solicitud debe ejecutarse dentro de una transacción';
    END IF;

    -- 4. The current state, by code. Read even if an administrator has since soft-deleted that catalog row:
    --    the solicitud is still in it.
    IF v_id_estado_actual IS NOT NULL THEN
        SET v_sin_filas = FALSE;
        SELECT Codigo, EsEstadoFinal
          INTO v_codigo_actual, v_actual_es_final
          FROM EstadoSolicitud
         WHERE Id = v_id_estado_actual;
    END IF;

    -- 5. The transition table of §4.2.
    SET v_permitido = CASE p_codigo_estado
        WHEN 'PENDIENTE_APROBACION' THEN v_codigo_actual IS NULL
        WHEN 'APROBADA'   THEN v_codigo_actual <=> 'PENDIENTE_APROBACION'
        WHEN 'RECHAZADA'  THEN v_codigo_actual <=> 'PENDIENTE_APROBACION'
        WHEN 'CANCELADA'  THEN IFNULL(v_codigo_actual IN ('PENDIENTE_APROBACION', 'APROBADA', 'EN_PROCESO'), FALSE)
        WHEN 'EN_PROCESO' THEN v_codigo_actual <=> 'APROBADA'
        WHEN 'COMPLETADA' THEN v_codigo_actual <=> 'EN_PROCESO'
        ELSE FALSE
    END;

    IF NOT v_permitido THEN
        IF v_codigo_actual IS NULL THEN
            -- Only a solicitud inserted without the creation call can be here (the creating transaction
            -- makes the first call before anyone else can see the row).
            SET v_mensaje = CONCAT('La solicitud con Id ', p_id_solicitud,
                                   ' no tiene estado; su primer estado debe ser PENDIENTE_APROBACION');
            SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = v_mensaje;
        END IF;
        SET v_mensaje = CASE p_codigo_estado
            WHEN 'APROBADA' THEN CONCAT(
                'Solo se pueden aprobar solicitudes en estado PENDIENTE_APROBACION. Estado actual: ', v_codigo_actual)
            WHEN 'RECHAZADA' THEN CONCAT(
                'Solo se pueden rechazar solicitudes en estado PENDIENTE_APROBACION. Estado actual: ', v_codigo_actual)
            WHEN 'CANCELADA' THEN
                IF(v_actual_es_final OR v_codigo_actual IN ('RECHAZADA', 'CANCELADA', 'COMPLETADA'),
                   CONCAT('No se puede cancelar una solicitud en estado final. Estado actual: ', v_codigo_actual),
                   CONCAT('Solo se pueden cancelar solicitudes en estado PENDIENTE_APROBACION, APROBADA o EN_PROCESO. ',
                          'Estado actual: ', v_codigo_actual))
            WHEN 'EN_PROCESO' THEN CONCAT(
                'Solo se pueden poner en proceso solicitudes en estado APROBADA. Estado actual: ', v_codigo_actual)
            WHEN 'COMPLETADA' THEN CONCAT(
                'Solo se pueden completar solicitudes en estado EN_PROCESO. Estado actual: ', v_codigo_actual)
            ELSE CONCAT(
                'Solo se puede asignar el estado PENDIENTE_APROBACION al crear la solicitud. Estado actual: ',
                v_codigo_actual)
        END;
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_mensaje;
    END IF;

    -- 6. The target state's row, by code, among active catalog rows (uq_estadosolicitud_codigo_activo).
    SET v_sin_filas = FALSE;
    SELECT Id
      INTO v_id_estado_nuevo
      FROM EstadoSolicitud
     WHERE CodigoActivo = p_codigo_estado
      LOCK IN SHARE MODE;
    IF v_sin_filas THEN
        SET v_mensaje = CONCAT('El estado de solicitud ', p_codigo_estado,
                               ' no existe en el catálogo o está eliminado');
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = v_mensaje;
    END IF;

    -- 7. The two writes, under the write permit checked by the 0003 triggers. The history row goes first:
    --    should it fail, nothing at all has been written, even if the caller forgets to roll back.
    SET @transporte_cambio_estado_solicitud = p_id_solicitud;

    INSERT INTO HistoricoEstadoSolicitud (IdSolicitud, IdEstadoSolicitud, MotivoEstadoSolicitud)
    VALUES (p_id_solicitud, v_id_estado_nuevo, v_motivo);

    UPDATE Solicitud
       SET IdEstadoActual = v_id_estado_nuevo
     WHERE Id = p_id_solicitud;

    SET @transporte_cambio_estado_solicitud = NULL;
END//

DELIMITER ;
