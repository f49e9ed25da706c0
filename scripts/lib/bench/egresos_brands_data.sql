-- scripts/bench (BENCH_DATA egresos=N): N brands by SQL on the development seed's customer, what the soak's
-- POST /api/v1/customers/{id}/brands leaves behind (a 10-minute soak writes ~20,000), so the Egresos rows show
-- whether a request's cost grows with them. scripts/bench sets @bench_rows before this file.
SET NAMES utf8mb4;
INSERT INTO brands (customer_id, code, name)
SELECT (SELECT MIN(id) FROM customers), 'GMB', CONCAT('Bench ', s.seq)
  FROM seq_1_to_10000000 s WHERE s.seq <= @bench_rows;
ANALYZE TABLE brands;
