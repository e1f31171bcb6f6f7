-- Departments closed in the HIS stay for history but leave the lists patients see.
ALTER TABLE departments ADD COLUMN is_active boolean NOT NULL DEFAULT true;
