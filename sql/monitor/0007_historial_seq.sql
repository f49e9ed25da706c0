-- Monitor module: history order decided by the writing transaction (issue 18, Galera-safe SQL).
--
-- On a multi-primary Galera cluster auto_increment_increment is the cluster size and each node has its own
-- offset, so a later historial_estado row written on node 1 can get a smaller id than an earlier one written on
-- node 2, and fecha_cambio comes from each node's own clock. historial_estado.seq is the row's place in its
-- expediente's history: 1 for the creation row, previous + 1 for each change, given by the trigger of 0008
-- while the workflow holds the expediente row locked (cambiar_estado_expediente locks it FOR UPDATE; the
-- creating transaction has just inserted it). UNIQUE (no_siniestro, seq) makes two nodes that change one
-- expediente at once conflict at certification, so one of them retries (T16). The API orders by seq.
--
-- Existing rows are numbered in today's order (fecha_cambio, then id), so every history reads as before.
-- seq defaults to 0, "not given": the trigger numbers such a row (a NOT NULL column without a default would
-- refuse an INSERT ... SELECT before the trigger runs).

ALTER TABLE historial_estado ADD COLUMN seq INT NOT NULL DEFAULT 0 AFTER no_siniestro;

UPDATE historial_estado h
  JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY no_siniestro ORDER BY fecha_cambio, id) AS n
          FROM historial_estado) o ON o.id = h.id
   SET h.seq = o.n;

ALTER TABLE historial_estado ADD UNIQUE KEY ux_historial_expediente_seq (no_siniestro, seq);
