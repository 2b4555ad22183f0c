"""Alembic environment: runs on the connection handed over by rekap_desktop.storage.migrate."""

from alembic import context

from rekap_desktop.storage.orm import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Jalankan migrasi melalui rekap_desktop.storage.migrate.upgrade().")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
