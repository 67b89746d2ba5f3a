"""Opening the data folder at start-up (ops.py): the start's own operations."""
