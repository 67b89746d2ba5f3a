"""The PySide6 GUI. Importing it first pins None/True/False against PySide6 6.12's leaks."""

from studyapp.ui.qtfix import pin_immortals

pin_immortals()
