-- scripts/bench (BENCH_DATA monitor=N): N expedientes by SQL, what the soak's POST /api/expedientes and PATCH
-- .../estado leave behind (a 10-minute soak writes ~15,000), so the Monitor rows run on a grown table. scripts/bench
-- sets @bench_rows before this file. Each is created by the seed's admin with the soak's fields, one second apart
-- over the last N seconds, with its first historial row (Ingreso); every second one has moved on to Restauracion
-- with its second row, as the soak's estado change does. historial_estado_seq (0008) numbers the rows.
SET NAMES utf8mb4;
START TRANSACTION;
INSERT INTO expediente (no_siniestro, marca, placas, fecha_ingreso, id_aseguradora, estado, creado_por,
                        fecha_creacion, fecha_actualizacion)
SELECT CONCAT('BENCH-', LPAD(s.seq, 8, '0')), 'Kenworth', 'SOAK-1', '2026-11-02', 1,
       IF(s.seq % 2 = 0, 'Restauracion', 'Ingreso'), u.id,
       UTC_TIMESTAMP(3) - INTERVAL (@bench_rows - s.seq) SECOND, UTC_TIMESTAMP(3) - INTERVAL (@bench_rows - s.seq) SECOND
  FROM seq_1_to_10000000 s JOIN usuario u ON u.username = 'admin'
 WHERE s.seq <= @bench_rows;
INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
SELECT e.no_siniestro, NULL, 'Ingreso', e.fecha_creacion, e.creado_por
  FROM expediente e WHERE e.no_siniestro LIKE 'BENCH-%';
INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
SELECT e.no_siniestro, 'Ingreso', 'Restauracion', e.fecha_creacion + INTERVAL 500000 MICROSECOND, e.creado_por
  FROM expediente e WHERE e.no_siniestro LIKE 'BENCH-%' AND e.estado = 'Restauracion';
COMMIT;
ANALYZE TABLE expediente, historial_estado;
