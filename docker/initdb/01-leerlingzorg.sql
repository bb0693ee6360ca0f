-- The two roles of Leerlingzorg: the owner runs the migrations; the application role may not bypass RLS.
CREATE ROLE leerlingzorg_owner LOGIN PASSWORD 'owner-dev-password';
CREATE ROLE leerlingzorg_app LOGIN PASSWORD 'app-dev-password' NOSUPERUSER NOBYPASSRLS;
CREATE DATABASE leerlingzorg OWNER leerlingzorg_owner;
\connect leerlingzorg
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gin;
