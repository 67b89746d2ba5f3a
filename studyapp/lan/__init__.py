"""手机答题: the quiz served to phones over the office LAN (server.py)."""
