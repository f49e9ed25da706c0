-- Egresos module: comment threads and notification lists ordered by the writing transaction (issue 18,
-- Galera-safe SQL).
--
-- On a multi-primary Galera cluster auto_increment_increment is the cluster size and each node has its own
-- offset, so a later row written on node 1 can get a smaller id than an earlier one written on node 2. A
-- comment's seq is its place in its parent's thread (the quotation, supplier quotation, supply or refund it
-- belongs to), a notification's its place in its recipient's list: previous + 1, given by the triggers of 0016.
-- The unique keys make two nodes that write to one thread (one recipient) at once conflict at certification, and
-- a duplicate from an older snapshot on one node is a duplicate on a `…_seq` key: either way the transaction is
-- retried (T16, TransactionRetry). Threads read oldest first by seq, notifications newest first by seq.
--
-- Existing rows are numbered in today's order (id), so every thread and list reads as before. seq defaults to 0,
-- "not given": the trigger numbers such a row.

ALTER TABLE comments
    ADD COLUMN parent_ref VARCHAR(16) CHARACTER SET ascii
        AS (COALESCE(CONCAT('q', quotation_id), CONCAT('s', supplier_quotation_id), CONCAT('u', supply_id),
                     CONCAT('r', refund_id))) PERSISTENT,
    ADD COLUMN seq INT NOT NULL DEFAULT 0;

UPDATE comments c
  JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY parent_ref ORDER BY id) AS n FROM comments) o ON o.id = c.id
   SET c.seq = o.n;

ALTER TABLE comments ADD UNIQUE KEY ux_comments_parent_seq (parent_ref, seq);

ALTER TABLE notifications ADD COLUMN seq INT NOT NULL DEFAULT 0;

UPDATE notifications t
  JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY `to` ORDER BY id) AS n FROM notifications) o ON o.id = t.id
   SET t.seq = o.n;

ALTER TABLE notifications ADD UNIQUE KEY ux_notifications_to_seq (`to`, seq);
