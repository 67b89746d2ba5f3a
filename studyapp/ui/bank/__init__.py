"""题库: review, edit, add and exchange the questions of a document."""
