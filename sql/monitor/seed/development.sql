-- Monitor module: DEVELOPMENT seed. Not a migration: never apply it to production.
-- Apply after the migrations 0001-0003 (the sample expedientes reference the insurers of 0002):
--   mariadb <database> < sql/monitor/seed/development.sql
--
-- Users (password "ventanilla" for all three):
--   admin    / ventanilla   Administrador
--   operador / ventanilla   Operador
--   tecnico  / ventanilla   Tecnico
-- The hashes are bcrypt $2b$, cost 10, generated with Debian's libxcrypt (ruling 4), one salt each.
--
-- Idempotent: running it again changes nothing. An existing user keeps its current hash, role and name
-- (ON DUPLICATE KEY UPDATE with a no-op, so a developer's changed password survives a re-seed).
-- Sample expedientes and their rows are inserted only when absent (INSERT ... SELECT ... WHERE NOT EXISTS
-- rather than INSERT IGNORE, which would also swallow FK and data errors).
-- Instants are UTC (ruling 3).

SET NAMES utf8mb4;

START TRANSACTION;

INSERT INTO usuario (nombre, username, password_hash, rol) VALUES
    ('Admin',    'admin',    '$2b$10$/WePNMr1c1MmbW01M/OrQuxpCnph4sYYERfd0yanKwg9B62PL4qMG', 'Administrador'),
    ('Operador', 'operador', '$2b$10$evBZpZAEgKlA/QialbwY0uFVxeDPSID3l3YB9eLndJfW2pj4nB45O', 'Operador'),
    ('Técnico',  'tecnico',  '$2b$10$ULaGTb7Ir5SPpjET4SyZ8uQfrAMf0QYP5cgJ2ksJQtsMgQcnl8J7q', 'Tecnico')
ON DUPLICATE KEY UPDATE id = id;

-- SIN-DEV-001: just created (the body of seed 000's example). Estado Ingreso.
INSERT INTO expediente (no_siniestro, marca, modelo, color, placas, nombre_cliente, fecha_ingreso,
                        id_aseguradora, creado_por, estado)
SELECT 'SIN-DEV-001', 'Toyota', 'Corolla', 'Blanco', 'ABC-123', 'Juan García', '2024-03-15',
       (SELECT id FROM aseguradora WHERE nombre = 'AXA'),
       (SELECT id FROM usuario WHERE username = 'operador'),
       'Ingreso'
  FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM expediente WHERE no_siniestro = 'SIN-DEV-001');

INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
SELECT 'SIN-DEV-001', NULL, 'Ingreso', '2024-03-15 16:00:00.000',
       (SELECT id FROM usuario WHERE username = 'operador')
  FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM historial_estado WHERE no_siniestro = 'SIN-DEV-001');

-- SIN-DEV-002: in repair (the values of seed 001's example). Estado Restauracion.
INSERT INTO expediente (no_siniestro, factura, orden, asesor, fecha_ingreso, fecha_valuacion,
                        fecha_autorizacion, fecha_pzas_completas, tecnico, observaciones,
                        marca, modelo, tipo, color, placas, nombre_cliente, telefono_cliente, correo_cliente,
                        comentarios_aseguradora, comentarios_aseguradora_fh,
                        doc_orden_admision, doc_identificacion, doc_tarjeta_circulacion,
                        doc_caratula_poliza, doc_carta_reparacion,
                        id_aseguradora, creado_por, estado)
SELECT 'SIN-DEV-002', 'F-00123', 'OT-2024-045', 'María López', '2024-03-15', '2024-03-18',
       '2024-03-20', '2024-03-22', 'Carlos Pérez', 'Daño lateral derecho severo.',
       'Toyota', 'Corolla', 'Sedán', 'Blanco', 'XYZ-987', 'Ana Hernández', '555-100-2000', 'ana@example.com',
       'Autorizada la reparación del costado derecho.', '2024-03-20 10:30:00.000',
       TRUE, TRUE, TRUE, FALSE, FALSE,
       (SELECT id FROM aseguradora WHERE nombre = 'HDI'),
       (SELECT id FROM usuario WHERE username = 'operador'),
       'Restauracion'
  FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM expediente WHERE no_siniestro = 'SIN-DEV-002');

INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
SELECT h.no_siniestro, h.estado_anterior, h.estado_nuevo, h.fecha_cambio,
       (SELECT id FROM usuario WHERE username = h.usuario)
  FROM (SELECT 'SIN-DEV-002' AS no_siniestro, NULL AS estado_anterior, 'Ingreso' AS estado_nuevo,
               '2024-03-15 17:00:00.000' AS fecha_cambio, 'operador' AS usuario
        UNION ALL
        SELECT 'SIN-DEV-002', 'Ingreso', 'Restauracion', '2024-03-20 18:15:00.000', 'admin') AS h
 WHERE NOT EXISTS (SELECT 1 FROM historial_estado WHERE no_siniestro = 'SIN-DEV-002')
 ORDER BY h.fecha_cambio;

-- SIN-DEV-003: ready to leave (unidad_terminada set, a checklist with fecha_entrega), so that
-- PATCH .../estado {"estado":"Salida"} can be tried locally. Estado Pendiente_de_salida.
INSERT INTO expediente (no_siniestro, orden, fecha_ingreso, fecha_entrega, unidad_terminada,
                        marca, modelo, tipo, color, placas, nombre_cliente, telefono_cliente,
                        id_aseguradora, creado_por, estado)
SELECT 'SIN-DEV-003', 'OT-2024-051', '2024-04-02', '2024-05-10', '2024-05-06',
       'International', 'LT 625', 'Tractocamión', 'Rojo', 'AGS-4521', 'Transportes del Bajío', '449-555-0101',
       (SELECT id FROM aseguradora WHERE nombre = 'Qualitas'),
       (SELECT id FROM usuario WHERE username = 'admin'),
       'Pendiente_de_salida'
  FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM expediente WHERE no_siniestro = 'SIN-DEV-003');

INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
SELECT h.no_siniestro, h.estado_anterior, h.estado_nuevo, h.fecha_cambio,
       (SELECT id FROM usuario WHERE username = h.usuario)
  FROM (SELECT 'SIN-DEV-003' AS no_siniestro, NULL AS estado_anterior, 'Ingreso' AS estado_nuevo,
               '2024-04-02 15:30:00.000' AS fecha_cambio, 'admin' AS usuario
        UNION ALL
        SELECT 'SIN-DEV-003', 'Ingreso', 'Restauracion', '2024-04-08 14:00:00.000', 'operador'
        UNION ALL
        SELECT 'SIN-DEV-003', 'Restauracion', 'Pendiente_de_salida', '2024-05-06 23:45:00.000', 'operador') AS h
 WHERE NOT EXISTS (SELECT 1 FROM historial_estado WHERE no_siniestro = 'SIN-DEV-003')
 ORDER BY h.fecha_cambio;

INSERT INTO checklist (no_siniestro, fecha_inspeccion, hora, inspeccionado_por, ubicacion, aprobada,
                       marca_tipo, anio, lugar_entrega, fecha_entrega, nombre_quien_recibe)
SELECT 'SIN-DEV-003', '2024-05-07', '10:30:00', 'tecnico', 'Patio 2', TRUE,
       'International LT 625', '2019', 'Aguascalientes', '2024-05-10', 'Jorge Ramírez'
  FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM checklist WHERE no_siniestro = 'SIN-DEV-003');

-- SIN-DEV-BENCH: every field of seed 000 filled (plus fecha_entrega and unidad_terminada), with an insurer,
-- two historial rows and two evidencia rows, so GET /api/expedientes/SIN-DEV-BENCH returns a fully filled
-- detail. The values are seed 000's request example, completed with seed 001's. scripts/bench reads it.
-- The evidencia rows follow the product's layout (M7: /evidencias/<sha256(no_siniestro)[:32]>/<random>.<ext>);
-- no files exist on disk for them.
INSERT INTO expediente (no_siniestro, factura, orden, asesor,
                        fecha_ingreso, fecha_valuacion, fecha_autorizacion, fecha_pzas_completas,
                        fecha_entrega, unidad_terminada, tecnico, mecanico, vehiculo, observaciones,
                        marca, modelo, tipo, color, placas, nombre_cliente, telefono_cliente, correo_cliente,
                        dato1, dato1_fecha_hora, dato2, dato2_fecha_hora, dato3, dato3_fecha_hora,
                        dato4, dato4_fecha_hora, comentarios_aseguradora, comentarios_aseguradora_fh,
                        doc_orden_admision, doc_identificacion, doc_tarjeta_circulacion, doc_caratula_poliza,
                        doc_carta_reparacion, doc_comprobante_deducible, doc_finiquito, doc_encuesta_servicio,
                        id_aseguradora, creado_por, estado)
SELECT 'SIN-DEV-BENCH', 'F-00123', 'OT-2024-045', 'María López',
       '2024-03-15', '2024-03-18', '2024-03-20', '2024-03-22',
       '2024-04-05', '2024-04-03', 'Carlos Pérez', 'Roberto Sánchez',
       'VIN JTDBR32E520123456, unidad de reparto', 'Daño lateral derecho severo.',
       'Toyota', 'Corolla', 'Sedán', 'Blanco', 'ABC-123', 'Juan García', '555-100-2000', 'juan@example.com',
       'Valuación enviada a la aseguradora', '2024-03-18 17:05:00.000',
       'Piezas pedidas al proveedor', '2024-03-20 19:30:00.000',
       'Piezas recibidas completas', '2024-03-22 16:10:00.000',
       'Unidad lista para entrega', '2024-04-03 22:45:00.000',
       'Autorizada la reparación del costado derecho.', '2024-03-20 10:30:00.000',
       TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE,
       (SELECT id FROM aseguradora WHERE nombre = 'AXA'),
       (SELECT id FROM usuario WHERE username = 'operador'),
       'Restauracion'
  FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM expediente WHERE no_siniestro = 'SIN-DEV-BENCH');

INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
SELECT h.no_siniestro, h.estado_anterior, h.estado_nuevo, h.fecha_cambio,
       (SELECT id FROM usuario WHERE username = h.usuario)
  FROM (SELECT 'SIN-DEV-BENCH' AS no_siniestro, NULL AS estado_anterior, 'Ingreso' AS estado_nuevo,
               '2024-03-15 17:00:00.000' AS fecha_cambio, 'operador' AS usuario
        UNION ALL
        SELECT 'SIN-DEV-BENCH', 'Ingreso', 'Restauracion', '2024-03-20 18:15:00.000', 'admin') AS h
 WHERE NOT EXISTS (SELECT 1 FROM historial_estado WHERE no_siniestro = 'SIN-DEV-BENCH')
 ORDER BY h.fecha_cambio;

INSERT INTO evidencia (no_siniestro, tipo, nombre_archivo, ruta, fecha_carga, ubicacion_almacenamiento, subido_por)
SELECT e.no_siniestro, e.tipo, e.nombre_archivo, e.ruta, e.fecha_carga, 'Local',
       (SELECT id FROM usuario WHERE username = 'operador')
  FROM (SELECT 'SIN-DEV-BENCH' AS no_siniestro, 'evidencia' AS tipo, 'costado derecho.jpg' AS nombre_archivo,
               '/evidencias/ccc618aa1bfa388e036ea7a673d928e1/093d21e463c91c5538a0f89cb38cffdb.jpg' AS ruta,
               '2024-03-15 17:20:00.000' AS fecha_carga
        UNION ALL
        SELECT 'SIN-DEV-BENCH', 'documento', 'orden de admision.pdf',
               '/evidencias/ccc618aa1bfa388e036ea7a673d928e1/1ecf8c88df1e398ab6a962ab6bcc15e1.pdf',
               '2024-03-15 17:25:00.000') AS e
 WHERE NOT EXISTS (SELECT 1 FROM evidencia WHERE no_siniestro = 'SIN-DEV-BENCH')
 ORDER BY e.fecha_carga;

COMMIT;
