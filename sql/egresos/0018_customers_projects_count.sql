-- Egresos: every customer keeps the number of its live projects under live brands (issue 16), the
-- `projects_count` of the customers list (#7) and of one customer, so those reads are one scan of the live customers
-- instead of counting every live project through its brand on every request (0017's join: ~100 µs of MariaDB CPU per
-- list on the bench's 21 customers with 101 projects, three times the list itself, and growing with the projects).
--
-- The count is the customer's, not the application's: triggers keep it, so every writer (the API, SQL by hand, the
-- bench's fixtures) moves it the same way. A project counts while it and its brand are live (deleted_at NULL);
-- projects.customer_id is always its brand's customer (0017). What moves it:
-- * a project inserted, deleted, or soft-deleted/restored (its own deleted_at), under a live brand: +1/-1;
-- * a brand soft-deleted or restored: -/+ its live projects (the API's cascade deletes them first, so 0 then);
-- * a brand moving to another customer: refused while it has projects (0017's composite key), so nothing.
-- The brand's state and a brand's projects are read with a locking read, the latest committed rows (as the foreign
-- key checks read them), not the transaction's snapshot: a project inserted while its brand is being deleted counts
-- exactly when the join would count it. The count is a column of the customer row, so writers of one customer's
-- projects serialise on it (project creation already serialises on the folio's FOR UPDATE), and it is no change of
-- the customer: trg_customers_updated_at leaves `updated_at` alone when only the count moves.

SET NAMES utf8mb4;

ALTER TABLE customers ADD COLUMN IF NOT EXISTS projects_count INT NOT NULL DEFAULT 0 INVISIBLE AFTER picture_path;

DROP TRIGGER IF EXISTS trg_customers_updated_at;
DROP TRIGGER IF EXISTS trg_projects_count_insert;
DROP TRIGGER IF EXISTS trg_projects_count_update;
DROP TRIGGER IF EXISTS trg_projects_count_delete;
DROP TRIGGER IF EXISTS trg_brands_projects_count;
DROP PROCEDURE IF EXISTS customers_projects_count_move;

DELIMITER //

CREATE TRIGGER trg_customers_updated_at BEFORE UPDATE ON customers FOR EACH ROW
BEGIN
    IF NEW.projects_count <=> OLD.projects_count THEN
        SET NEW.updated_at = UTC_TIMESTAMP(3);
    END IF;
END//

-- Moves the count of customer p_customer_id by p_delta for a live project of brand p_brand_id, when that brand is
-- live (read with a locking read: the latest committed row).
CREATE PROCEDURE customers_projects_count_move(IN p_brand_id INT, IN p_customer_id INT, IN p_delta INT)
BEGIN
    DECLARE v_live INT DEFAULT 0;
    SELECT COUNT(*) INTO v_live FROM brands WHERE id = p_brand_id AND deleted_at IS NULL LOCK IN SHARE MODE;
    IF v_live > 0 THEN
        UPDATE customers SET projects_count = projects_count + p_delta WHERE id = p_customer_id;
    END IF;
END//

CREATE TRIGGER trg_projects_count_insert AFTER INSERT ON projects FOR EACH ROW
BEGIN
    IF NEW.deleted_at IS NULL THEN
        CALL customers_projects_count_move(NEW.brand_id, NEW.customer_id, 1);
    END IF;
END//

-- A project that stays live under the same brand moves nothing.
CREATE TRIGGER trg_projects_count_update AFTER UPDATE ON projects FOR EACH ROW
BEGIN
    DECLARE v_same_place BOOLEAN DEFAULT OLD.brand_id <=> NEW.brand_id AND OLD.customer_id <=> NEW.customer_id;
    IF OLD.deleted_at IS NULL AND NOT (v_same_place AND NEW.deleted_at IS NULL) THEN
        CALL customers_projects_count_move(OLD.brand_id, OLD.customer_id, -1);
    END IF;
    IF NEW.deleted_at IS NULL AND NOT (v_same_place AND OLD.deleted_at IS NULL) THEN
        CALL customers_projects_count_move(NEW.brand_id, NEW.customer_id, 1);
    END IF;
END//

CREATE TRIGGER trg_projects_count_delete AFTER DELETE ON projects FOR EACH ROW
BEGIN
    IF OLD.deleted_at IS NULL THEN
        CALL customers_projects_count_move(OLD.brand_id, OLD.customer_id, -1);
    END IF;
END//

CREATE TRIGGER trg_brands_projects_count AFTER UPDATE ON brands FOR EACH ROW
BEGIN
    DECLARE v_projects INT DEFAULT 0;
    IF NOT ((OLD.deleted_at IS NULL) <=> (NEW.deleted_at IS NULL) AND OLD.customer_id <=> NEW.customer_id) THEN
        SELECT COUNT(*) INTO v_projects FROM projects
         WHERE brand_id = NEW.id AND deleted_at IS NULL LOCK IN SHARE MODE;
        IF OLD.deleted_at IS NULL THEN
            UPDATE customers SET projects_count = projects_count - v_projects WHERE id = OLD.customer_id;
        END IF;
        IF NEW.deleted_at IS NULL THEN
            UPDATE customers SET projects_count = projects_count + v_projects WHERE id = NEW.customer_id;
        END IF;
    END IF;
END//

DELIMITER ;

-- Today's counts, once the triggers keep them; only the rows whose count differs (any other would be a change of
-- the customer for trg_customers_updated_at).
UPDATE customers c
  LEFT JOIN (SELECT p.customer_id, COUNT(*) AS n FROM projects p JOIN brands b ON b.id = p.brand_id
              WHERE p.deleted_at IS NULL AND b.deleted_at IS NULL GROUP BY p.customer_id) x ON x.customer_id = c.id
   SET c.projects_count = COALESCE(x.n, 0)
 WHERE c.projects_count <> COALESCE(x.n, 0);
