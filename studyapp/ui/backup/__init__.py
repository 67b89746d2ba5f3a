"""备份与恢复: the backups dialog and its operations."""
