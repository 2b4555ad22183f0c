"""SQLAlchemy storage: engine, tables, migrations, audit chain. The only floor with SQLAlchemy."""
