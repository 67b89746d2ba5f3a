"""设置: the administrator's settings dialog and its operations."""
