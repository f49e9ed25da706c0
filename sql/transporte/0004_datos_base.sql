-- Transporte module: reference data every deployment needs (transporte.md §4.1, §4.3; ruling T5).
--
--   mariadb <database> < sql/transporte/0004_datos_base.sql      (after 0001-0003)
--
-- * EstadoSolicitud: the six states of §4.1 with the Ids the documentation shows (1-5) and 6 for
--   EN_PROCESO. The Ids are cosmetic (they match the documented examples, e.g. IdEstadoActual 1 in
--   seed 002); code never relies on them: states are looked up by Codigo (§4.1), also by the procedures.
-- * EstadoMision: the seven codes of §4.3 (Ids 1, 2, 5 documented; 3, 4, 6, 7 as §4.3 suggests).
-- * Rol: ADMIN, SOLICITANTE, APROBADOR, MOTORISTA (T5), Ids 1-4 in that order.
-- No users here: development users are in seed/development.sql; production users are created with the CLI.
--
-- Idempotent: each row is inserted only when no row with its Codigo exists, deleted or not (INSERT ...
-- SELECT ... WHERE NOT EXISTS rather than INSERT IGNORE, which would also swallow other errors, and rather
-- than ON DUPLICATE KEY UPDATE, which would fire the audit trigger and touch FechaHoraActualizacion).
-- Existing rows are left exactly as they are, so an administrator's edits (a colour, a name) survive a
-- re-run. A reference row that an administrator soft-deleted is NOT resurrected here; the procedures then
-- report the missing state (see 0006) instead of this file silently undoing an explicit decision.

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------------------------------
-- §4.1. Final states (EsEstadoFinal = 1): RECHAZADA, CANCELADA, COMPLETADA. Nothing leaves them (§4.2).
INSERT INTO EstadoSolicitud (Id, Codigo, Nombre, Descripcion, Color, EsEstadoFinal, Orden)
SELECT 1, 'PENDIENTE_APROBACION', 'Pendiente de Aprobación',
       'La solicitud fue creada y espera la decisión del aprobador', '#FFA500', 0, 1
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoSolicitud WHERE Codigo = 'PENDIENTE_APROBACION');

INSERT INTO EstadoSolicitud (Id, Codigo, Nombre, Descripcion, Color, EsEstadoFinal, Orden)
SELECT 2, 'APROBADA', 'Aprobada',
       'La solicitud fue aprobada; se pueden programar sus misiones', '#00FF00', 0, 2
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoSolicitud WHERE Codigo = 'APROBADA');

INSERT INTO EstadoSolicitud (Id, Codigo, Nombre, Descripcion, Color, EsEstadoFinal, Orden)
SELECT 3, 'RECHAZADA', 'Rechazada',
       'La solicitud fue rechazada por el aprobador', '#FF0000', 1, 3
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoSolicitud WHERE Codigo = 'RECHAZADA');

INSERT INTO EstadoSolicitud (Id, Codigo, Nombre, Descripcion, Color, EsEstadoFinal, Orden)
SELECT 4, 'CANCELADA', 'Cancelada',
       'La solicitud fue cancelada antes de completarse', '#808080', 1, 4
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoSolicitud WHERE Codigo = 'CANCELADA');

INSERT INTO EstadoSolicitud (Id, Codigo, Nombre, Descripcion, Color, EsEstadoFinal, Orden)
SELECT 5, 'COMPLETADA', 'Completada',
       'Todas las misiones de la solicitud se completaron', '#0000FF', 1, 5
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoSolicitud WHERE Codigo = 'COMPLETADA');

INSERT INTO EstadoSolicitud (Id, Codigo, Nombre, Descripcion, Color, EsEstadoFinal, Orden)
SELECT 6, 'EN_PROCESO', 'En Proceso',
       'Al menos una misión de la solicitud está en ejecución', '#1E90FF', 0, 6
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoSolicitud WHERE Codigo = 'EN_PROCESO');

-- ---------------------------------------------------------------------------------------------------
-- §4.3. Flow: PROGRAMADA -> EN_EJECUCION -> (EN_RUTA_RECOGIDA / EN_ESPERA / EN_RUTA_REGRESO) -> COMPLETADA;
-- CANCELADA from any non-final state.
INSERT INTO EstadoMision (Id, Codigo, Nombre, Descripcion)
SELECT 1, 'PROGRAMADA', 'Programada', 'La misión fue creada y espera su inicio'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoMision WHERE Codigo = 'PROGRAMADA');

INSERT INTO EstadoMision (Id, Codigo, Nombre, Descripcion)
SELECT 2, 'EN_EJECUCION', 'En Ejecución', 'La misión fue iniciada'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoMision WHERE Codigo = 'EN_EJECUCION');

INSERT INTO EstadoMision (Id, Codigo, Nombre, Descripcion)
SELECT 3, 'EN_RUTA_RECOGIDA', 'En Ruta de Recogida', 'El vehículo se dirige a recoger a los pasajeros'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoMision WHERE Codigo = 'EN_RUTA_RECOGIDA');

INSERT INTO EstadoMision (Id, Codigo, Nombre, Descripcion)
SELECT 4, 'EN_RUTA_REGRESO', 'En Ruta de Regreso', 'El vehículo regresa al punto de origen'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoMision WHERE Codigo = 'EN_RUTA_REGRESO');

INSERT INTO EstadoMision (Id, Codigo, Nombre, Descripcion)
SELECT 5, 'COMPLETADA', 'Completada', 'La misión finalizó'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoMision WHERE Codigo = 'COMPLETADA');

INSERT INTO EstadoMision (Id, Codigo, Nombre, Descripcion)
SELECT 6, 'EN_ESPERA', 'En Espera', 'La misión está detenida temporalmente'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoMision WHERE Codigo = 'EN_ESPERA');

INSERT INTO EstadoMision (Id, Codigo, Nombre, Descripcion)
SELECT 7, 'CANCELADA', 'Cancelada', 'La misión fue cancelada'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM EstadoMision WHERE Codigo = 'CANCELADA');

-- ---------------------------------------------------------------------------------------------------
-- T5. The application checks roles by Codigo.
INSERT INTO Rol (Id, Codigo, Nombre)
SELECT 1, 'ADMIN', 'Administrador'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Rol WHERE Codigo = 'ADMIN');

INSERT INTO Rol (Id, Codigo, Nombre)
SELECT 2, 'SOLICITANTE', 'Solicitante'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Rol WHERE Codigo = 'SOLICITANTE');

INSERT INTO Rol (Id, Codigo, Nombre)
SELECT 3, 'APROBADOR', 'Aprobador'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Rol WHERE Codigo = 'APROBADOR');

INSERT INTO Rol (Id, Codigo, Nombre)
SELECT 4, 'MOTORISTA', 'Motorista'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Rol WHERE Codigo = 'MOTORISTA');
