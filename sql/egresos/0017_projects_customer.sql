-- Egresos: every project carries its brand's customer (issue 16), so the customers list (#7) and one customer
-- (#8) count a customer's live projects through one index range of that customer's live projects.
--
-- The count needs a way from a customer to its live projects that does not pass through every brand: a customer
-- gathers brands (a 10-minute soak leaves 20,000 on one), and walking them cost a read per brand per request
-- (issue 17). Aggregating every live project in a derived table instead (stop 25) cost the same at any size but
-- twice the plain join on small data (a temporary table per execution). `projects.customer_id` with
-- `ix_projects_customer_live (customer_id, name_active, brand_id)` gives both: the live projects of one customer
-- read from a covering index, each brand checked by primary key, grouped along the customers' primary key.
--
-- The column is the brand's customer, always: the trigger below fills it on insert (no writer names it; the DEFAULT
-- only lets an INSERT that leaves it out reach the trigger, and matches no brand), and the
-- composite foreign key (brand_id, customer_id) → brands (id, customer_id) refuses any other value, also a brand
-- moved to another customer while it has projects (the API never moves one). Existing rows are filled from their
-- brands before the column becomes NOT NULL.

SET NAMES utf8mb4;

ALTER TABLE brands ADD UNIQUE KEY IF NOT EXISTS uq_brands_id_customer (id, customer_id);

ALTER TABLE projects ADD COLUMN IF NOT EXISTS customer_id INT NULL AFTER brand_id;

DROP TRIGGER IF EXISTS trg_projects_customer;

DELIMITER //

CREATE TRIGGER trg_projects_customer BEFORE INSERT ON projects FOR EACH ROW
BEGIN
    SET NEW.customer_id = (SELECT customer_id FROM brands WHERE id = NEW.brand_id);
END//

DELIMITER ;

UPDATE projects p JOIN brands b ON b.id = p.brand_id SET p.customer_id = b.customer_id
 WHERE NOT (p.customer_id <=> b.customer_id);

ALTER TABLE projects
    MODIFY customer_id INT NOT NULL DEFAULT 0,
    ADD KEY IF NOT EXISTS ix_projects_customer_live (customer_id, name_active, brand_id),
    ADD CONSTRAINT fk_projects_brand_customer FOREIGN KEY IF NOT EXISTS (brand_id, customer_id)
        REFERENCES brands (id, customer_id) ON DELETE RESTRICT ON UPDATE RESTRICT;
