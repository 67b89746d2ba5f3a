"""The 管理员密码 gate (gate.py) and its operations (ops.py)."""

from studyapp.ui.admin.gate import FORGOTTEN, IDLE_S, AdminGate, edit_pin, require

__all__ = ["FORGOTTEN", "IDLE_S", "AdminGate", "edit_pin", "require"]
