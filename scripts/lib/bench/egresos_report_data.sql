-- scripts/bench: Egresos data for the profitability report (#64) and the resume (#38), written by SQL in the
-- bench's own set-up (never through HTTP), on top of the development seed. Deterministic, no randomness:
--   20 customers, each with one brand and 5 projects (100 projects, plus the seed's project 1);
--   1,000 approved quotations (10 per bench project), each with two supplier quotations of supplier 1 and two
--   payment-schedule rows per supplier quotation (cash and direct bank transfer, amounts adding up);
--   500 approved supplies and 500 approved refunds (2 expenses each), every other one linked to a quotation;
--   plus drafts, rejected quotations and supplies under review, which the report must leave out.
-- Staff: 4001 admin (director), 4004 grouper (leader), 4005 account_manager (creator).
SET NAMES utf8mb4;

INSERT INTO customers (code, name, description, payment_conditions)
SELECT CONCAT('BC', seq), CONCAT('Bench Cliente ', LPAD(seq, 2, '0')), 'Cliente de la prueba de carga', 30
  FROM seq_1_to_20;

INSERT INTO brands (customer_id, code, name)
SELECT c.id, CONCAT('BM', s.seq), CONCAT('Bench Marca ', LPAD(s.seq, 2, '0'))
  FROM seq_1_to_20 s JOIN customers c ON c.name = CONCAT('Bench Cliente ', LPAD(s.seq, 2, '0'));

INSERT INTO projects (brand_id, folio, name, description, grouper_id)
SELECT b.id, CAST(1000 + (b.id * 10) + p.seq AS CHAR), CONCAT('Bench Proyecto ', b.id, ' ', p.seq), 'Proyecto de carga', 4004
  FROM brands b JOIN seq_1_to_5 p WHERE b.name LIKE 'Bench Marca %';

INSERT INTO project_collaborators (project_id, user_id)
SELECT id, 4005 FROM projects WHERE name LIKE 'Bench Proyecto %';

-- 10 approved quotations per bench project.
INSERT INTO quotations (project_id, created_by, location, payment_conditions, billing_date, purchase_order,
                        project_start_date, project_end_date, cost_in_cents, priority, status, completed_at,
                        accepted_at, leader_accepted_by, director_accepted_by)
SELECT p.id, 4005, 'Ciudad de México', 60, '2026-11-02', CONCAT('OC-', p.id, '-', q.seq),
       '2026-11-01 00:00:00', '2026-12-31 00:00:00', 100000 + q.seq * 1000, 'low', 3,
       '2026-11-03 10:00:00.000', '2026-11-04 10:00:00.000', 4004, 4001
  FROM projects p JOIN seq_1_to_10 q WHERE p.name LIKE 'Bench Proyecto %';

-- Two supplier quotations per approved quotation (3/10 and 4/10 of its cost).
INSERT INTO supplier_quotations (quotation_id, supplier_id, concept, cost_in_cents, comments)
SELECT q.id, 1, IF(s.seq = 1, 'Renta de camaras', 'Comida y alimentos'), q.cost_in_cents * (2 + s.seq) DIV 10, 'Carga'
  FROM quotations q JOIN seq_1_to_2 s WHERE q.status = 3 AND q.purchase_order LIKE 'OC-%';

-- Two schedule rows per supplier quotation: half in cash, the rest (with the odd cent) by transfer.
INSERT INTO payment_schedules (supplier_quotation_id, position, amount, payment_method, payment_date)
SELECT sq.id, s.seq - 1, IF(s.seq = 1, sq.cost_in_cents DIV 2, sq.cost_in_cents - sq.cost_in_cents DIV 2),
       IF(s.seq = 1, 'cash', 'direct_bank_transfer'), DATE_ADD('2027-01-01', INTERVAL (sq.id MOD 90) + s.seq * 30 DAY)
  FROM supplier_quotations sq JOIN seq_1_to_2 s
  JOIN quotations q ON q.id = sq.quotation_id WHERE q.purchase_order LIKE 'OC-%';

-- 500 approved supplies and 500 approved refunds, every other one linked to a quotation, 2 expenses each.
INSERT INTO supplies (created_by, customer_id, brand_id, project_id, quotation_id, status, completed_at, accepted_at,
                      director_accepted_by)
SELECT 4005, b.customer_id, b.id, q.project_id, IF(q.id MOD 2 = 0, q.id, NULL), 3, '2026-11-05 10:00:00.000',
       '2026-11-06 10:00:00.000', 4001
  FROM quotations q JOIN projects p ON p.id = q.project_id JOIN brands b ON b.id = p.brand_id
 WHERE q.purchase_order LIKE 'OC-%' AND q.id MOD 2 = 0
 ORDER BY q.id;

INSERT INTO refunds (created_by, customer_id, brand_id, project_id, quotation_id, status, completed_at, accepted_at,
                     director_accepted_by)
SELECT 4005, b.customer_id, b.id, q.project_id, IF(q.id MOD 4 = 1, q.id, NULL), 3, '2026-11-05 10:00:00.000',
       '2026-11-06 10:00:00.000', 4001
  FROM quotations q JOIN projects p ON p.id = q.project_id JOIN brands b ON b.id = p.brand_id
 WHERE q.purchase_order LIKE 'OC-%' AND q.id MOD 2 = 1
 ORDER BY q.id;

INSERT INTO expenses (supply_id, supplier_id, concept, comments, cost_in_cents, payment_method, accepted_at)
SELECT x.id, 1, 'Insumo de carga', '', 5000 + s.seq * 250, IF(s.seq = 1, 'cash', 'direct_bank_transfer'), x.accepted_at
  FROM supplies x JOIN seq_1_to_2 s WHERE x.status = 3;

INSERT INTO expenses (refund_id, supplier_id, concept, comments, cost_in_cents, payment_method, accepted_at)
SELECT x.id, 1, 'Reembolso de carga', '', 3000 + s.seq * 125, 'cash', x.accepted_at
  FROM refunds x JOIN seq_1_to_2 s WHERE x.status = 3;

-- Outside the report's scope: a draft and a rejected quotation per bench customer's first project, a supply
-- under review.
INSERT INTO quotations (project_id, created_by, billing_date, project_start_date, project_end_date, cost_in_cents, status)
SELECT p.id, 4005, '2026-11-02', '2026-11-01', '2026-12-31', 90000, s.seq * 4
  FROM projects p JOIN seq_0_to_1 s WHERE p.name LIKE 'Bench Proyecto % 1';

INSERT INTO supplies (created_by, customer_id, status) SELECT 4005, id, 2 FROM customers WHERE name LIKE 'Bench Cliente %';
