-- Egresos module: reference rows (egresos.md §3.9 #63; rulings E1). Reference data, so a migration
-- (development data lives in seed/development.sql).
--
-- business_activities: the doc's eight rows with the doc's ids (153-160, #63's example), then a short list
-- of activities an agency's suppliers commonly have (161-171, ours, "Otros" last). Ids are explicit so
-- that every database has the same ones; the table's AUTO_INCREMENT moves past them.
-- Idempotent: a row is inserted only when neither its id nor its name exists (INSERT ... SELECT ... WHERE
-- NOT EXISTS, which never fires the updated_at trigger), so an operator's edits survive a re-run.
--
-- concepts: no initial rows. §6.6 fills the catalogue from the supplier quotations and expenses themselves
-- (the doc's #62 example lists concepts of its sample data, not a seeded list).

SET NAMES utf8mb4;

START TRANSACTION;

INSERT INTO business_activities (id, name)
SELECT 153, 'Bolsas de plástico' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 153 OR name = 'Bolsas de plástico');
INSERT INTO business_activities (id, name)
SELECT 154, 'Calzado' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 154 OR name = 'Calzado');
INSERT INTO business_activities (id, name)
SELECT 155, 'Cemento' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 155 OR name = 'Cemento');
INSERT INTO business_activities (id, name)
SELECT 156, 'Cigarrillos' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 156 OR name = 'Cigarrillos');
INSERT INTO business_activities (id, name)
SELECT 157, 'Electrodomésticos' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 157 OR name = 'Electrodomésticos');
INSERT INTO business_activities (id, name)
SELECT 158, 'Fábricas de autos' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 158 OR name = 'Fábricas de autos');
INSERT INTO business_activities (id, name)
SELECT 159, 'Fábricas de ropa' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 159 OR name = 'Fábricas de ropa');
INSERT INTO business_activities (id, name)
SELECT 160, 'Fertilizantes' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 160 OR name = 'Fertilizantes');
INSERT INTO business_activities (id, name)
SELECT 161, 'Agencias de publicidad' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 161 OR name = 'Agencias de publicidad');
INSERT INTO business_activities (id, name)
SELECT 162, 'Alimentos y bebidas' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 162 OR name = 'Alimentos y bebidas');
INSERT INTO business_activities (id, name)
SELECT 163, 'Consultoría' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 163 OR name = 'Consultoría');
INSERT INTO business_activities (id, name)
SELECT 164, 'Diseño gráfico' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 164 OR name = 'Diseño gráfico');
INSERT INTO business_activities (id, name)
SELECT 165, 'Eventos y espectáculos' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 165 OR name = 'Eventos y espectáculos');
INSERT INTO business_activities (id, name)
SELECT 166, 'Imprenta' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 166 OR name = 'Imprenta');
INSERT INTO business_activities (id, name)
SELECT 167, 'Producción audiovisual' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 167 OR name = 'Producción audiovisual');
INSERT INTO business_activities (id, name)
SELECT 168, 'Renta de equipo' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 168 OR name = 'Renta de equipo');
INSERT INTO business_activities (id, name)
SELECT 169, 'Servicios de transporte' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 169 OR name = 'Servicios de transporte');
INSERT INTO business_activities (id, name)
SELECT 170, 'Tecnologías de la información' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 170 OR name = 'Tecnologías de la información');
INSERT INTO business_activities (id, name)
SELECT 171, 'Otros' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM business_activities WHERE id = 171 OR name = 'Otros');

COMMIT;
