-- pgbench script: one single-row INSERT transaction shaped like an issued key's row (the limit the
-- token-service benchmark compares issuance with). No colons: pgbench would read them as variables.
INSERT INTO raw_key VALUES ('raw-' || gen_random_uuid(), 'bench', gen_random_uuid()::text, jsonb_build_object('name', 'bench', 'scopes', jsonb_build_array('orders.read')), now());
