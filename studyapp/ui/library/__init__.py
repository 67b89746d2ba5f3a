"""文件库: the list of imported documents."""
