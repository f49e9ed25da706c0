-- scripts/bench (BENCH_DATA transporte=N, 20,000 by default for the rows): N solicitudes by SQL, so the Transporte
-- rows run against the table a 10-minute soak leaves behind (~20.6k solicitudes) instead of an almost empty one: a
-- statement whose cost grows with the table shows it in the row's db µs/request. scripts/bench sets @bench_rows
-- before this file. Each has two stops and its first state written by cambiar_estado_solicitud (0006,
-- the only writer of the history), requesters 1 and 2 and approvers 3 and 4 alternating (so the scoped lists have
-- rows too), created one second apart over the last N seconds. Codes are in January 2000, a month no
-- creation of the run uses, so the correlative of the current month still starts at 1.
DELIMITER //
BEGIN NOT ATOMIC
    DECLARE i INT DEFAULT 0;
    DECLARE n INT DEFAULT @bench_rows;
    DECLARE v_id INT;
    DECLARE v_ahora DATETIME(3) DEFAULT UTC_TIMESTAMP(3);
    START TRANSACTION;
    WHILE i < n DO
        SET i = i + 1;
        INSERT INTO Solicitud (CodigoSolicitud, IdUsuarioSolicitante, IdDepartamentoSolicitante, IdUsuarioAprobador,
                               IdTipoPrioridadSolicitud, IdTipoServicioSolicitud, Asunto, Descripcion, Justificacion,
                               CantidadPasajeros, NombresPasajeros, FechaServicioRequerido, HoraServicioRequerido,
                               Observaciones, FechaHoraCreacion, FechaHoraActualizacion)
        VALUES (CONCAT('SOL-2000-01-', LPAD(i, 8, '0')), 1 + i % 2, 1 + i % 2, 3 + i % 2, 1 + i % 3, 1 + i % 3,
                CONCAT('Solicitud de carga ', i), 'Se requiere transporte para personal de la unidad',
                'Reunión de coordinación institucional', 5, 'Juan Pérez, María López, Carlos Rivas',
                '2099-04-15', '08:00:00', 'Llevar a las 8am y regresar a las 5pm',
                v_ahora - INTERVAL (n - i) SECOND, v_ahora - INTERVAL (n - i) SECOND);
        SET v_id = LAST_INSERT_ID();
        INSERT INTO DetalleLugarSolicitud (IdSolicitud, IdLugar, EsOrigen, Orden, Descripcion)
        VALUES (v_id, 1, 1, 0, 'Sede central - Salida');
        INSERT INTO DetalleLugarSolicitud (IdSolicitud, IdLugar, EsOrigen, Orden, Descripcion, HoraEstimadaLlegada,
                                           RequiereRetorno, HoraEstimadaRetorno)
        VALUES (v_id, 5, 0, 1, 'Primer destino', '10:30:00', 1, '12:00:00');
        CALL cambiar_estado_solicitud(v_id, 'PENDIENTE_APROBACION', NULL);
    END WHILE;
    INSERT INTO CorrelativoSolicitud (Anio, Mes, Ultimo) VALUES (2000, 1, n);
    COMMIT;
END//
DELIMITER ;
