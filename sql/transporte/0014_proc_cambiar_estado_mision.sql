-- Transporte module: the mission state workflow (ruling T11; transporte.md §4.3, §8.4).
--
--   CALL cambiar_estado_mision(id_mision, codigo_estado, motivo);
--
-- The ONLY code path that changes a mission's state: it writes exactly one HistoricoEstadoMision row (with its
-- reason) and sets the cached Mision.IdEstadoMision and Mision.Activa, in the caller's transaction. The triggers
-- of 0013 refuse any other writer. Used by:
--   POST /mision                   'PROGRAMADA'          motivo NULL -> 'Misión creada'
--   POST /mision/{id}/iniciar      'EN_EJECUCION'        motivo NULL -> 'Misión iniciada'
--   PATCH /mision/{id}/estado      'EN_RUTA_RECOGIDA' | 'EN_ESPERA' | 'EN_RUTA_REGRESO'
--                                                        motivo = observaciones, NULL -> 'Cambio de estado a {codigo}'
--   POST /mision/{id}/finalizar    'COMPLETADA'          motivo NULL -> 'Misión finalizada'
--   POST /mision/{id}/cancelar     'CANCELADA'           motivo required
-- Stamps: the history row's FechaHoraCreacion is UTC_TIMESTAMP(3), which the application pins to its clock
-- (SET timestamp) around the call, as for cambiar_estado_solicitud.
--
-- Transition table (§4.3, T11); the application's `EstadoMisionCodigo` is the same table as a pure value and
-- checks it first, with the same messages. Anything not listed is refused:
--   (none)                                              -> PROGRAMADA                          creation
--   PROGRAMADA                                          -> EN_EJECUCION | CANCELADA
--   EN_EJECUCION                                        -> EN_RUTA_RECOGIDA | EN_ESPERA | EN_RUTA_REGRESO
--                                                          | COMPLETADA | CANCELADA
--   EN_RUTA_RECOGIDA | EN_ESPERA | EN_RUTA_REGRESO      -> another of these three | COMPLETADA | CANCELADA
--
-- Errors (SIGNAL, MYSQL_ERRNO 1644). MESSAGE_TEXT is the API's message. {X} is the current state's code.
--   SQLSTATE 45000 -> 400: 'El campo ''motivo'' es obligatorio'                (CANCELADA without motivo)
--   SQLSTATE 45000 -> 404: 'Misión con Id {id} no encontrada'                 (missing or soft-deleted)
--   SQLSTATE 45000 -> 409, one message per target:
--     EN_EJECUCION:  'Solo se pueden iniciar misiones en estado PROGRAMADA. Estado actual: {X}'
--     EN_RUTA_RECOGIDA, EN_ESPERA, EN_RUTA_REGRESO:
--                    'Solo se puede pasar a {codigo} una misión en ejecución (EN_EJECUCION, EN_RUTA_RECOGIDA, EN_ESPERA o EN_RUTA_REGRESO) y en otro estado. Estado actual: {X}'
--     COMPLETADA:    'Solo se pueden finalizar misiones en estado EN_EJECUCION, EN_RUTA_RECOGIDA, EN_ESPERA o EN_RUTA_REGRESO. Estado actual: {X}'
--     CANCELADA:     'No se puede cancelar una misión en estado final. Estado actual: {X}'
--     PROGRAMADA:    'Solo se puede asignar el estado PROGRAMADA al crear la misión. Estado actual: {X}'
--   SQLSTATE HY000 -> 500 (programming errors): an unknown code, a call outside a transaction, a mission without
--     state, a catalog row of the workflow deleted.
--
-- Locking: the Mision row FOR UPDATE (serialises the changes of one mission), the target EstadoMision row
-- LOCK IN SHARE MODE (a concurrent catalog delete of that state waits).

SET NAMES utf8mb4;

DROP PROCEDURE IF EXISTS cambiar_estado_mision;

DELIMITER //

CREATE PROCEDURE cambiar_estado_mision(
    IN p_id_mision     INT,
    IN p_codigo_estado VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_motivo        TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci
)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'Cambia el estado de una misión y escribe HistoricoEstadoMision (T11). Sin COMMIT: llamar dentro de una transacción.'
BEGIN
    DECLARE v_sin_filas        BOOLEAN DEFAULT FALSE;
    DECLARE v_eliminada        BOOLEAN DEFAULT NULL;
    DECLARE v_id_estado_actual INT DEFAULT NULL;
    DECLARE v_codigo_actual    VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL;
    DECLARE v_id_estado_nuevo  INT DEFAULT NULL;
    DECLARE v_permitido        BOOLEAN DEFAULT FALSE;
    DECLARE v_motivo           TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci DEFAULT NULL;
    DECLARE v_mensaje          VARCHAR(512) CHARACTER SET utf8mb4 DEFAULT NULL;

    DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_sin_filas = TRUE;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        SET @transporte_cambio_estado_mision = NULL;
        RESIGNAL;
    END;

    SET @transporte_cambio_estado_mision = NULL;

    IF p_codigo_estado IS NULL OR p_codigo_estado NOT IN
       ('PROGRAMADA', 'EN_EJECUCION', 'EN_RUTA_RECOGIDA', 'EN_ESPERA', 'EN_RUTA_REGRESO', 'COMPLETADA', 'CANCELADA') THEN
        SET v_mensaje = CONCAT('Código de estado de misión no válido: ', IFNULL(p_codigo_estado, 'NULL'));
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = v_mensaje;
    END IF;

    SET v_motivo = NULLIF(REGEXP_REPLACE(p_motivo, '^[[:space:]]+|[[:space:]]+$', ''), '');
    IF v_motivo IS NULL THEN
        IF p_codigo_estado = 'CANCELADA' THEN
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'El campo ''motivo'' es obligatorio';
        END IF;
        SET v_motivo = CASE p_codigo_estado
                           WHEN 'PROGRAMADA'   THEN 'Misión creada'
                           WHEN 'EN_EJECUCION' THEN 'Misión iniciada'
                           WHEN 'COMPLETADA'   THEN 'Misión finalizada'
                           ELSE CONCAT('Cambio de estado a ', p_codigo_estado)
                       END;
    END IF;

    SET v_sin_filas = FALSE;
    SELECT Eliminado, IdEstadoMision
      INTO v_eliminada, v_id_estado_actual
      FROM Mision
     WHERE Id = p_id_mision
       FOR UPDATE;
    IF v_sin_filas OR v_eliminada THEN
        SET v_mensaje = CONCAT('Misión con Id ', IFNULL(p_id_mision, 'NULL'), ' no encontrada');
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_mensaje;
    END IF;

    IF @@in_transaction = 0 THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT =
            'cambiar_estado_mision debe ejecutarse dentro de una transacción';
    END IF;

    IF v_id_estado_actual IS NOT NULL THEN
        SET v_sin_filas = FALSE;
        SELECT Codigo INTO v_codigo_actual FROM EstadoMision WHERE Id = v_id_estado_actual;
    END IF;

    SET v_permitido = CASE
        WHEN p_codigo_estado = 'PROGRAMADA' THEN v_codigo_actual IS NULL
        WHEN p_codigo_estado = 'EN_EJECUCION' THEN v_codigo_actual <=> 'PROGRAMADA'
        WHEN p_codigo_estado IN ('EN_RUTA_RECOGIDA', 'EN_ESPERA', 'EN_RUTA_REGRESO') THEN
            IFNULL(v_codigo_actual IN ('EN_EJECUCION', 'EN_RUTA_RECOGIDA', 'EN_ESPERA', 'EN_RUTA_REGRESO')
                   AND v_codigo_actual <> p_codigo_estado, FALSE)
        WHEN p_codigo_estado = 'COMPLETADA' THEN
            IFNULL(v_codigo_actual IN ('EN_EJECUCION', 'EN_RUTA_RECOGIDA', 'EN_ESPERA', 'EN_RUTA_REGRESO'), FALSE)
        WHEN p_codigo_estado = 'CANCELADA' THEN
            IFNULL(v_codigo_actual NOT IN ('COMPLETADA', 'CANCELADA'), FALSE)
        ELSE FALSE
    END;

    IF NOT v_permitido THEN
        IF v_codigo_actual IS NULL THEN
            SET v_mensaje = CONCAT('La misión con Id ', p_id_mision,
                                   ' no tiene estado; su primer estado debe ser PROGRAMADA');
            SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = v_mensaje;
        END IF;
        SET v_mensaje = CASE
            WHEN p_codigo_estado = 'EN_EJECUCION' THEN CONCAT(
                'Solo se pueden iniciar misiones en estado PROGRAMADA. Estado actual: ', v_codigo_actual)
            WHEN p_codigo_estado IN ('EN_RUTA_RECOGIDA', 'EN_ESPERA', 'EN_RUTA_REGRESO') THEN CONCAT(
                'Solo se puede pasar a ', p_codigo_estado, ' una misión en ejecución (EN_EJECUCION, EN_RUTA_RECOGIDA, ',
                'EN_ESPERA o EN_RUTA_REGRESO) y en otro estado. Estado actual: ', v_codigo_actual)
            WHEN p_codigo_estado = 'COMPLETADA' THEN CONCAT(
                'Solo se pueden finalizar misiones en estado EN_EJECUCION, EN_RUTA_RECOGIDA, EN_ESPERA o EN_RUTA_REGRESO. ',
                'Estado actual: ', v_codigo_actual)
            WHEN p_codigo_estado = 'CANCELADA' THEN CONCAT(
                'No se puede cancelar una misión en estado final. Estado actual: ', v_codigo_actual)
            ELSE CONCAT('Solo se puede asignar el estado PROGRAMADA al crear la misión. Estado actual: ', v_codigo_actual)
        END;
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_mensaje;
    END IF;

    SET v_sin_filas = FALSE;
    SELECT Id INTO v_id_estado_nuevo FROM EstadoMision WHERE CodigoActivo = p_codigo_estado LOCK IN SHARE MODE;
    IF v_sin_filas THEN
        SET v_mensaje = CONCAT('El estado de misión ', p_codigo_estado, ' no existe en el catálogo o está eliminado');
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = v_mensaje;
    END IF;

    SET @transporte_cambio_estado_mision = p_id_mision;

    INSERT INTO HistoricoEstadoMision (IdMision, IdEstadoMision, MotivoEstadoMision)
    VALUES (p_id_mision, v_id_estado_nuevo, v_motivo);

    UPDATE Mision
       SET IdEstadoMision = v_id_estado_nuevo,
           Activa = p_codigo_estado NOT IN ('COMPLETADA', 'CANCELADA')
     WHERE Id = p_id_mision;

    SET @transporte_cambio_estado_mision = NULL;
END//

DELIMITER ;
