"""Reading a document: table of contents, the text page by page, find, notes, read marks."""
