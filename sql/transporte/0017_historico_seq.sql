-- Transporte module: history order decided by the writing transaction (issue 18, Galera-safe SQL).
--
-- On a multi-primary Galera cluster auto_increment_increment is the cluster size and each node has its own
-- offset, so a later history row written on node 1 can get a smaller Id than an earlier one written on node 2,
-- and FechaHoraCreacion comes from each node's own clock. Seq is the row's place in its solicitud's (mission's)
-- history: 1 for the creation row, previous + 1 for each change, given by the triggers of 0018 while
-- cambiar_estado_solicitud (cambiar_estado_mision) holds the Solicitud (Mision) row locked FOR UPDATE. The unique
-- key makes two nodes that change one solicitud at once conflict at certification, so one of them retries (T16).
-- GET /solicitud/{id}/historico and GET /mision/{id}/historico order by Seq.
--
-- Existing rows are numbered in today's order (FechaHoraCreacion, then Id), so every history reads as before.
-- Seq defaults to 0, "not given": the trigger numbers such a row.

ALTER TABLE HistoricoEstadoSolicitud ADD COLUMN Seq INT NOT NULL DEFAULT 0 AFTER IdSolicitud;

UPDATE HistoricoEstadoSolicitud h
  JOIN (SELECT Id, ROW_NUMBER() OVER (PARTITION BY IdSolicitud ORDER BY FechaHoraCreacion, Id) AS n
          FROM HistoricoEstadoSolicitud) o ON o.Id = h.Id
   SET h.Seq = o.n;

ALTER TABLE HistoricoEstadoSolicitud ADD UNIQUE KEY ux_historico_solicitud_seq (IdSolicitud, Seq);

ALTER TABLE HistoricoEstadoMision ADD COLUMN Seq INT NOT NULL DEFAULT 0 AFTER IdMision;

UPDATE HistoricoEstadoMision h
  JOIN (SELECT Id, ROW_NUMBER() OVER (PARTITION BY IdMision ORDER BY FechaHoraCreacion, Id) AS n
          FROM HistoricoEstadoMision) o ON o.Id = h.Id
   SET h.Seq = o.n;

ALTER TABLE HistoricoEstadoMision ADD UNIQUE KEY ux_historicomision_seq (IdMision, Seq);
