"""文件 → 数据库…: the data folder's own SQLite file, or the county's shared PostgreSQL server."""
