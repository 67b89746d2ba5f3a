"""Database layer: SQLAlchemy models, engine with SQLite pragmas, Alembic migrations.

Only studyapp.services uses it; ui/ and cli/ go through the services.
"""
